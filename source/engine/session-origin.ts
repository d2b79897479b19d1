import {readFileSync} from 'node:fs';
import os from 'node:os';
import type {ShellPlace} from '../domain/plan/follow-cd.js';
import type {Runbook} from '../domain/types.js';
import {sudoUser} from './process/session.js';

/** Where a runbook's session starts and its home: the one definition plan, preview, execution and checks share. */
export type SessionOrigin = ShellPlace & {cwd: string};

/**
 * A runbook's session starts in, and its `~` is, the home directory of the user who runs its commands, as if that
 * user had just logged in: root's from the password database (sudo may keep the caller's HOME), or, for a runbook
 * whose first command is a `$` command under sudo, the sudo user's — so that a `$ git clone` lands where that user
 * can write. Never the directory the tool happened to be started from. Every command of the session gets this HOME.
 */
export function sessionOrigin(runbook: Runbook, env: NodeJS.ProcessEnv = process.env): SessionOrigin {
	const first = firstRun(runbook);
	const user = first?.as === 'user' ? sudoUser(env) : undefined;
	const home = (user && homeOf(user.name)) ?? ownHome();
	return {cwd: home, home, env: {}};
}

// The runbook's first command, found without listing every action (a runbook can have thousands of steps).
function firstRun(runbook: Runbook): Extract<Runbook['steps'][number]['actions'][number], {kind: 'run'}> | undefined {
	for (const step of runbook.steps) {
		for (const action of step.actions) if (action.kind === 'run') return action;
	}

	return undefined;
}

// The process's own user never changes; asking the password database once per runbook costs a document of thousands.
let cachedHome: string | undefined;
function ownHome(): string {
	cachedHome ??= os.userInfo().homedir;
	return cachedHome;
}

/** A user's home directory from /etc/passwd; undefined when the user is not there. */
export function homeOf(name: string, passwd = '/etc/passwd'): string | undefined {
	try {
		const line = readFileSync(passwd, 'utf8')
			.split('\n')
			.find(entry => entry.startsWith(`${name}:`));
		return line?.split(':')[5] || undefined;
	} catch {
		return undefined;
	}
}
