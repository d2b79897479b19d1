import {chown, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {Session} from '../../domain/types.js';
import {writeSystemctlShim} from './no-systemd.js';
import {safeSessionEnvironment} from '../../domain/saved-environment.js';
import {runShell, type ShellResult} from './run-shell.js';
import {sudoFunction} from './sudo-function.js';
import {temporaryPrefix} from './temporary-prefix.js';

/** One command to run in a session. */
export interface SessionCommand {
	command: string;
	/** Run as this user via runuser (a `$` command under sudo); undefined = as the current user. */
	user?: {name: string; uid: number; gid: number};
	/** Extra variables for this command only (never saved into the session). */
	extraEnv?: Record<string, string>;
	/** Text the command reads on stdin (then end of file); absent = stdin is /dev/null. */
	input?: string;
	signal?: AbortSignal;
	/** Put a `systemctl` that runs init scripts first in PATH (systemd is not running here); see no-systemd.ts. */
	noSystemd?: boolean;
	/** Called with the process group id once the command is started. */
	onSpawn?: (pid: number) => void;
	/** Output as it arrives, a chunk of complete lines at a time (see ShellRequest.onOutput). */
	onOutput?: (stream: 'stdout' | 'stderr', text: string, skipped: number) => void;
}

// Variables the shell or runuser set by themselves: saving them would leak one user's or one shell's view into the next.
const volatile = new Set(['PWD', 'OLDPWD', 'SHLVL', '_', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'MAIL']);

// Run in the wrapper's shell (not executed) so `cd` and `export` act on the shell whose state the EXIT trap records,
// whatever way it ends. The command is read into memory and its file removed before it runs: a kill -9 of the tool
// leaves no script (with the secrets it may hold) behind. Answers come from a regular file so that the trap can tell,
// from the offset of stdin, whether the command read all of them.
const wrapper = [
	'__tomesh_dir=$1',
	'[ ! -f "$__tomesh_dir/answers" ] || exec 0<"$__tomesh_dir/answers"',
	String.raw`trap '__tomesh_rc=$?; pwd > "$__tomesh_dir/cwd"; env -0 > "$__tomesh_dir/env"; [ ! -f "$__tomesh_dir/answers" ] || while read -r -u 3 __k __v; do [ "$__k" != pos: ] || echo "$__v"; done 3< /proc/$$/fdinfo/0 > "$__tomesh_dir/stdin-pos"; exit $__tomesh_rc' EXIT`,
	sudoFunction,
	'set -e',
	'__tomesh_command=$(< "$__tomesh_dir/command.sh")',
	'rm -f "$__tomesh_dir/command.sh"',
	'eval "$__tomesh_command"',
	'',
].join('\n');

/** The user `$` commands run as: the sudo user when the tool runs as root under sudo; undefined = the current user. */
export function sudoUser(env: NodeJS.ProcessEnv = process.env): SessionCommand['user'] {
	const {SUDO_USER: name, SUDO_UID: uid, SUDO_GID: gid} = env;
	if (!name || name === 'root' || !uid || !gid || process.getuid?.() !== 0) return undefined;
	return {name, uid: Number(uid), gid: Number(gid)};
}

/**
 * Runs `command` with bash starting from `session`, and returns how it ended together with the session it left
 * (unchanged when the shell did not get to record it, e.g. when killed).
 */
export async function runInSession(
	session: Session,
	request: SessionCommand,
): Promise<{result: ShellResult; session: Session; inputExhausted: boolean}> {
	// Named after this process, so that a later start can tell a killed run's leftovers (see leftovers.ts).
	const directory = await mkdtemp(path.join(os.tmpdir(), temporaryPrefix('session')));
	try {
		await writeFile(path.join(directory, 'command.sh'), `${request.command}\n`);
		await writeFile(path.join(directory, 'wrapper.sh'), wrapper);
		if (request.input !== undefined) await writeFile(path.join(directory, 'answers'), request.input);
		if (request.user) await chown(directory, request.user.uid, request.user.gid);
		const bash = ['bash', '--noprofile', '--norc', path.join(directory, 'wrapper.sh'), directory];
		const base: Record<string, string | undefined> = {...process.env, ...request.extraEnv};
		const env = {...base, ...session.env};
		const shim = request.noSystemd ? await writeSystemctlShim(directory) : undefined;
		if (shim) {
			base.PATH = `${shim}:${base.PATH ?? ''}`;
			env.PATH = `${shim}:${env.PATH ?? ''}`;
		}

		const result = await runShell({
			argv: request.user ? ['runuser', '-u', request.user.name, '--', ...bash] : bash,
			cwd: session.cwd,
			env,
			signal: request.signal,
			onSpawn: request.onSpawn,
			onOutput: request.onOutput,
		});
		const left = await capturedSession(directory, base, session);
		// The stand-in's directory is this command's alone: it never becomes part of the session.
		if (shim && left.env.PATH) left.env.PATH = left.env.PATH.replace(`${shim}:`, '');
		if (shim && left.env.PATH === process.env.PATH) delete left.env.PATH;
		return {result, session: left, inputExhausted: await readAll(directory, request.input)};
	} finally {
		await rm(directory, {recursive: true, force: true});
	}
}

async function readAll(directory: string, input: string | undefined): Promise<boolean> {
	if (input === undefined) return false;
	const position = Number.parseInt(await readFile(path.join(directory, 'stdin-pos'), 'utf8').catch(() => ''), 10);
	return position >= Buffer.byteLength(input);
}

async function capturedSession(directory: string, base: Record<string, string | undefined>, previous: Session): Promise<Session> {
	let cwd: string;
	let environment: string;
	try {
		cwd = (await readFile(path.join(directory, 'cwd'), 'utf8')).replace(/\n$/, '');
		environment = await readFile(path.join(directory, 'env'), 'utf8');
	} catch {
		return previous;
	}

	const env: Record<string, string> = {};
	for (const entry of environment.split('\0')) {
		const equals = entry.indexOf('=');
		if (equals <= 0) continue;
		const name = entry.slice(0, equals);
		const value = entry.slice(equals + 1);
		if (volatile.has(name) || name.startsWith('__tomesh')) continue;
		if (base[name] !== value) env[name] = value;
	}

	// What would run code in later commands (BASH_ENV, LD_PRELOAD, exported functions…) is never carried on.
	return {cwd: cwd || previous.cwd, env: safeSessionEnvironment(env)};
}
