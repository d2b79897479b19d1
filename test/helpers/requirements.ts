// Tests that need something of the machine (root, tmux, nginx, the namespace sandbox) declare it here. Without it
// they are skipped with the reason in their title, so the output says what was not tested and why; with
// TOMESH_SETUP_TEST_STRICT=1 (.ci/run sets it) they fail with that reason instead, so CI cannot pass by skipping.
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import test, {type ImplementationFn} from 'ava';
import {sandboxUnavailable} from './sandbox.js';
import {hasTmux} from './tmux.js';

/** Something a test needs of the machine. */
export type Need = 'root' | 'tmux' | 'nginx' | 'sandbox';

const reasons: Record<Need, () => string | undefined> = {
	root: () => (process.getuid?.() === 0 ? undefined : 'needs root'),
	tmux: () => (hasTmux() ? undefined : 'needs tmux (apt-get install tmux)'),
	// A user's PATH may lack /usr/sbin, where Debian puts nginx.
	nginx: () => (spawnSync('sh', ['-c', 'command -v nginx || test -x /usr/sbin/nginx']).status === 0 ? undefined : 'needs nginx (apt-get install nginx)'),
	sandbox: sandboxUnavailable,
};

/** The variable that turns a skip for want of something into a failure. */
export const strictVariable = 'TOMESH_SETUP_TEST_STRICT';

/** Why this machine cannot run a test that has `needs` (the first need it lacks), or undefined when it can. */
export function unavailable(needs: Need[]): string | undefined {
	for (const need of needs) {
		const reason = reasons[need]();
		if (reason !== undefined) return reason;
	}

	return undefined;
}

/**
 * Declares tests that need `needs`: plain (or serial) ava tests when the machine has them; otherwise each is skipped
 * with `skipped: <reason>` in its title, or, when TOMESH_SETUP_TEST_STRICT=1, fails with the reason.
 */
export function testNeeding(needs: Need[], options: {serial?: boolean} = {}): (title: string, implementation: ImplementationFn<[]>) => void {
	const declare = options.serial ? test.serial : test;
	const reason = unavailable(needs);
	if (reason === undefined) return (title, implementation) => declare(title, implementation);
	if (process.env[strictVariable] === '1') {
		return (title) => declare(title, (t) => t.fail(`${reason}; ${strictVariable}=1 makes this a failure instead of a skip`));
	}

	return (title, implementation) => declare.skip(`${title} — skipped: ${reason}`, implementation);
}
