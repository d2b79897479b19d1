import {readFileSync, rmSync} from 'node:fs';
import {readNoFollow} from '../../store/safe-files.js';

// A synchronous pause for the start-up check below (nothing else runs yet).
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Ends the command a killed run left running — the process group named in `pidFile`, only while its leader is still
 * one of our session shells (a pid may be reused) — so that running its step again does not race it (for the dpkg
 * lock, say). SIGTERM, then the group is waited for; after `graceMs` it gets SIGKILL and is waited for again. Returns
 * a sentence for the operator when there was such a command, undefined otherwise.
 */
export function endLeftoverCommand(pidFile: string, graceMs = 10_000): string | undefined {
	let pid: number;
	try {
		pid = Number.parseInt(readNoFollow(pidFile, 64), 10);
		rmSync(pidFile, {force: true});
	} catch {
		return undefined;
	}

	try {
		if (!Number.isInteger(pid) || pid <= 1 || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tomesh-session-')) return undefined;
		process.kill(-pid, 'SIGTERM');
	} catch {
		return undefined;
	}

	for (const [signal, limit] of [['SIGKILL', graceMs], [undefined, 5000]] as const) {
		const deadline = Date.now() + limit;
		while (groupAlive(pid) && Date.now() < deadline) pause(50);
		if (!groupAlive(pid)) return `a command an earlier run left running (process group ${pid}) was stopped and has ended`;
		if (signal) process.kill(-pid, signal);
	}

	return `a command an earlier run left running (process group ${pid}) does not end: stop it by hand (kill -9 -${pid})`;
}
