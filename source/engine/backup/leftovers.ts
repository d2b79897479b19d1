import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pidNamespace} from '../process/temporary-prefix.js';
import type {BackupEntry} from './run-backups.js';

// Temporary directories of a command's script and output pipes (tomesh-session-PIDnNS-…, tomesh-output-PIDnNS-…, see
// temporary-prefix.ts), and those of older versions, which carry no pid namespace: taken as left over after a day.
const temporaryDirectory = /^tomesh-(?:session|output)-(?:(\d+)n(\d+)-\w{6}|\w{6})$/;
const legacyAgeMs = 24 * 60 * 60 * 1000;

/**
 * Removes what runs killed with -9 left behind: their temporary directories (a command's script, its environment
 * with exported tokens), unfinished copies in the backups (`.SHA.partial-PID`), and the temporary files beside the
 * files they were changing (`.NAME.tomesh-PID-TIME`, found through the runs' backup indexes). Only what belongs to a
 * process that is gone is removed. Returns the paths removed.
 */
export function removeLeftovers(backupDir: string, tmpDir = os.tmpdir(), now = Date.now()): string[] {
	const removed: string[] = [];
	const remove = (file: string) => {
		try {
			// A killed run's shell, ended a moment ago, may still be writing its last files into its directory.
			rmSync(file, {recursive: true, force: true, maxRetries: 3});
			removed.push(file);
		} catch {
			// Left for the next start: a leftover must never stop this one.
		}
	};

	const uid = process.getuid?.();
	const namespace = pidNamespace();
	for (const name of list(tmpDir)) {
		const match = temporaryDirectory.exec(name);
		if (!match) continue;
		const file = path.join(tmpDir, name);
		const info = statOf(file);
		if (!info?.isDirectory() || (uid !== 0 && info.uid !== uid)) continue;
		// A directory of another pid namespace (a container sharing /tmp) names a pid this process cannot see: not ours.
		if (match[1] === undefined ? now - info.mtimeMs > legacyAgeMs : match[2] === namespace && !isAlive(Number(match[1]))) remove(file);
	}

	for (const name of list(path.join(backupDir, 'objects'))) if (isDeadPartial(name, /\.partial-(\d+)$/)) remove(path.join(backupDir, 'objects', name));
	const targets = new Set<string>();
	for (const run of list(path.join(backupDir, 'runs'))) {
		for (const name of list(path.join(backupDir, 'runs', run))) if (isDeadPartial(name, /\.partial-(\d+)$/)) remove(path.join(backupDir, 'runs', run, name));
		for (const entry of readEntries(path.join(backupDir, 'runs', run, 'index.json'))) targets.add(entry.path);
	}

	for (const target of targets) {
		const prefix = `.${path.basename(target)}.tomesh-`;
		for (const name of list(path.dirname(target))) {
			if (name.startsWith(prefix) && isDeadPartial(name.slice(prefix.length), /^(\d+)-\d+$/)) remove(path.join(path.dirname(target), name));
		}
	}

	return removed;
}

function isDeadPartial(name: string, pattern: RegExp): boolean {
	const pid = pattern.exec(name)?.[1];
	return pid !== undefined && !isAlive(Number(pid));
}

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function list(directory: string): string[] {
	try {
		return readdirSync(directory);
	} catch {
		return [];
	}
}

function statOf(file: string) {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}

function readEntries(file: string): BackupEntry[] {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as BackupEntry[];
	} catch {
		return [];
	}
}
