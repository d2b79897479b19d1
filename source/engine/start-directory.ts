import {readFileSync} from 'node:fs';
import os from 'node:os';
import type {Runbook} from '../domain/types.js';
import {sudoUser} from './process/session.js';

/**
 * The directory a runbook's first command starts in, as if the operator had just logged in: the home directory of
 * the user who runs that command — root's (from the password database, since sudo may keep the caller's HOME), or,
 * for a runbook that starts with a `$` command under sudo, the sudo user's, so that a `$ git clone` lands where that
 * user can write. Never the directory the tool happened to be started from.
 */
export function startDirectory(runbook: Runbook, env: NodeJS.ProcessEnv = process.env): string {
	const first = runbook.steps.flatMap(step => step.actions).find(action => action.kind === 'run');
	const user = first?.kind === 'run' && first.as === 'user' ? sudoUser(env) : undefined;
	return (user && homeOf(user.name)) ?? os.userInfo().homedir;
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
