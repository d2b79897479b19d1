// A throwaway workspace for end-to-end runs of the built CLI on the engine fixtures: a work directory the fixture
// commands stay in ($WORK), a state directory, a fake boot id, a profile.d for the login reminder, and a reboot
// command that only leaves a marker. Nothing outside the temporary directory is touched.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runCli, startCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

/** An engine fixture document by name (test/fixtures/engine/NAME.md). */
export function fixture(name: string): string {
	return fileURLToPath(new URL(`../fixtures/engine/${name}.md`, import.meta.url));
}

/** Creates the workspace; `cli(args)` runs the built CLI in it with `--state` and `--doc` already given. */
export function workspace(document: string) {
	const root = temporaryDirectory('tomesh-e2e-');
	const work = path.join(root, 'work');
	const state = path.join(root, 'state');
	const profile = path.join(root, 'profile.d');
	const bootId = path.join(root, 'boot_id');
	mkdirSync(work);
	writeFileSync(bootId, 'boot-1\n');
	const env = {
		WORK: work,
		TOMESH_SETUP_BOOT_ID_FILE: bootId,
		TOMESH_SETUP_PROFILE_DIR: profile,
		TOMESH_SETUP_REBOOT_COMMAND: `touch ${path.join(root, 'reboot-requested')}`,
	};
	const args = (extra: string[]) => [...extra, '--state', state, '--doc', document];
	return {
		root,
		work,
		state,
		profile,
		bootId,
		env,
		cli: async (extra: string[], more: Record<string, string> = {}) => runCli(args(extra), {cwd: root, env: {...env, ...more}}),
		start: (extra: string[]) => startCli(args(extra), {cwd: root, env}),
	};
}
