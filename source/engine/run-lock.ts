import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../domain/types.js';

/** The pid of another live process that holds the run lock of `stateDir`, if any. */
export function lockHolder(stateDir: string): number | undefined {
	let pid: number;
	try {
		pid = Number.parseInt(readFileSync(path.join(stateDir, 'run.lock'), 'utf8'), 10);
	} catch {
		return undefined;
	}

	if (!Number.isInteger(pid) || pid === process.pid) return undefined;
	try {
		process.kill(pid, 0);
	} catch (error) {
		// EPERM: alive but not ours to signal.
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
	}

	// A lock left by a killed run whose pid now belongs to some other program is stale.
	try {
		if (!/tomesh|cli\.[cm]?[jt]sx?\b/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) return undefined;
	} catch {
		// No /proc: trust the pid.
	}

	return pid;
}

/**
 * Takes the run lock of `stateDir` for this process (released when it exits; a lock left by a killed process is
 * taken over). Throws InputError when another run is in progress, so two runs never change the same server at once.
 */
export function acquireRunLock(stateDir: string): void {
	const holder = lockHolder(stateDir);
	if (holder !== undefined) throw new InputError(`another tomesh-setup run (pid ${holder}) is using ${stateDir}`);
	const file = path.join(stateDir, 'run.lock');
	mkdirSync(stateDir, {recursive: true, mode: 0o700});
	writeFileSync(file, `${process.pid}\n`, {mode: 0o600});
	process.once('exit', () => {
		if (lockHolder(stateDir) === undefined) rmSync(file, {force: true});
	});
}
