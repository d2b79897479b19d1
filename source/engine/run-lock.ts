import {closeSync, linkSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../domain/types.js';
import {describeError, ensurePrivateDirectory, openNoFollow, readNoFollow} from '../store/safe-files.js';

/** The pid of another live process that holds the run lock of `stateDir`, if any. */
export function lockHolder(stateDir: string): number | undefined {
	const pid = lockPid(path.join(stateDir, 'run.lock'));
	if (pid === undefined || pid === process.pid) return undefined;
	return isLiveRun(pid) ? pid : undefined;
}

function lockPid(file: string): number | undefined {
	try {
		const pid = Number.parseInt(readNoFollow(file, 64), 10);
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

function isLiveRun(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		// EPERM: alive but not ours to signal.
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}

	// A lock left by a killed run whose pid now belongs to some other program is stale.
	try {
		return /tomesh|cli\.[cm]?[jt]sx?\b/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
	} catch {
		// No /proc: trust the pid.
		return true;
	}
}

/**
 * Takes the run lock of `stateDir` for this process, atomically: run.lock is created exclusively (O_EXCL, never
 * through a link), so of two runs started at the same instant exactly one gets it. A lock left by a killed process is
 * moved aside and taken over. Released when the process exits. Throws InputError when another run holds it.
 */
export function acquireRunLock(stateDir: string): void {
	ensurePrivateDirectory(stateDir);
	const file = path.join(stateDir, 'run.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openNoFollow(file, 'exclusive');
			writeSync(fd, `${process.pid}\n`);
			closeSync(fd);
			process.once('exit', () => {
				if (lockPid(file) === process.pid) rmSync(file, {force: true});
			});
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`cannot take the run lock ${file}: ${describeError(error)}`, '--state');
		}

		const holder = lockPid(file);
		if (holder !== undefined && holder !== process.pid && isLiveRun(holder)) {
			throw new InputError(`another tomesh-setup run (pid ${holder}) is using ${stateDir}`);
		}

		breakStaleLock(file, holder);
	}

	throw new InputError(`another tomesh-setup run is taking the lock of ${stateDir}`);
}

// Moves a dead run's lock aside under a name of this process's own; when what was moved turns out to be a live run's
// fresh lock (it took over the same stale lock a moment earlier), it is put back.
function breakStaleLock(file: string, stalePid: number | undefined): void {
	const aside = `${file}.stale-${process.pid}`;
	try {
		renameSync(file, aside);
	} catch {
		return;
	}

	if (lockPid(aside) !== stalePid) {
		try {
			linkSync(aside, file);
		} catch {
			// Someone holds the lock again: the retry sees it.
		}
	}

	rmSync(aside, {force: true});
}
