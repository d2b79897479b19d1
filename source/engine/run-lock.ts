import {existsSync, linkSync, readFileSync, renameSync, rmdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../domain/types.js';
import {describeError, ensurePrivateDirectory, readNoFollow, writeNoFollow} from '../store/safe-files.js';

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
 * Takes the run lock of `stateDir` for this process, atomically: run.lock is linked into place with the pid in it
 * (failing when it exists; never through a link), so of two runs started at the same instant exactly one gets it. A lock left by a killed process is
 * moved aside and taken over. Released when the process exits. Throws InputError when another run holds it.
 * A state directory this process created and left empty (a start refused for bad input) is removed with the lock:
 * bad input changes nothing, not even by leaving /var/lib/tomesh-setup behind.
 */
export function acquireRunLock(stateDir: string): void {
	const created = !existsSync(stateDir);
	ensurePrivateDirectory(stateDir);
	const file = path.join(stateDir, 'run.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		if (linkLock(file)) {
			process.once('exit', () => {
				if (lockPid(file) === process.pid) rmSync(file, {force: true});
				if (created) removeIfEmpty(stateDir);
			});
			return;
		}

		const holder = lockPid(file);
		if (holder !== undefined && holder !== process.pid && isLiveRun(holder)) {
			throw new InputError(`another tomesh-setup run (pid ${holder}) is using ${stateDir}`);
		}

		breakStaleLock(file, holder);
	}

	throw new InputError(`another tomesh-setup run is taking the lock of ${stateDir}`);
}

function removeIfEmpty(directory: string): void {
	try {
		rmdirSync(directory);
	} catch {
		// Not empty (progress was saved), or gone: either way nothing to do.
	}
}

// run.lock appears atomically with the pid already in it (a private file hard-linked into place, which fails when
// the name exists): another run never sees it empty and takes it for a dead run's.
function linkLock(file: string): boolean {
	const own = `${file}.${process.pid}`;
	try {
		rmSync(own, {force: true});
		writeNoFollow(own, `${process.pid}\n`, {exclusive: true});
		linkSync(own, file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw new InputError(`cannot take the run lock ${file}: ${describeError(error)}`, '--state');
	} finally {
		rmSync(own, {force: true});
	}
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
