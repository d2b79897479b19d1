import {createHash} from 'node:crypto';
import {copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** How many runs' backups are kept: the oldest run's go when a new run makes its first backup. */
export const backupRunsKept = 10;

import type {BackupEntry} from '../../domain/undo/backup-entry.js';

export type {BackupEntry} from '../../domain/undo/backup-entry.js';

/** The sha256 of a text or buffer, in hex. */
export function sha256(content: string | Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}

/**
 * The backups of one run: `runs/RUN/index.json` lists what each step changed; the contents before live once each in
 * `objects/SHA256` (a file whose content did not change is not copied again), written under a temporary name and
 * renamed when complete, so a copy that is there is whole. Only the last `backupRunsKept` runs are kept.
 */
export class RunBackups {
	/** The backup directory (under the state directory). */
	readonly directory: string;
	/** This run's index file. */
	readonly index: string;
	private started = false;
	private readonly keep: number;

	constructor(directory: string, options: {runId?: string; keep?: number} = {}) {
		this.directory = directory;
		const runId = options.runId ?? `${new Date().toISOString().replaceAll(':', '-')}-${process.pid}`;
		this.index = path.join(directory, 'runs', runId, 'index.json');
		this.keep = options.keep ?? backupRunsKept;
	}

	/** Saves `target`'s content before `step` changes it and records the change as unfinished; returns the entry. */
	async before(step: string, target: string): Promise<BackupEntry> {
		await this.start();
		const info = await stat(target).catch(() => undefined);
		let entry: BackupEntry = {step, path: target, backup: null, existedBefore: false, owner: null, mode: null, sha256Before: null, sha256After: null, at: new Date().toISOString()};
		if (info) {
			const hash = sha256(await readFile(target));
			const object = path.join(this.directory, 'objects', hash);
			if (!(await stat(object).catch(() => undefined))) {
				const partial = path.join(this.directory, 'objects', `.${hash}.partial-${process.pid}`);
				await copyFile(target, partial);
				await rename(partial, object);
			}

			entry = {...entry, backup: path.relative(this.directory, object), existedBefore: true, owner: {uid: info.uid, gid: info.gid}, mode: info.mode & 0o7777, sha256Before: hash};
		}

		await this.save([...(await this.entries()), entry]);
		return entry;
	}

	/** Records that the change of `entry` is in place, with the hash of the new content. */
	async after(entry: BackupEntry, content: string | Buffer): Promise<void> {
		const entries = await this.entries();
		const index = entries.findIndex(item => item.at === entry.at && item.path === entry.path && item.sha256After === null);
		if (index >= 0) entries[index] = {...entries[index]!, sha256After: sha256(content)};
		await this.save(entries);
	}

	/** The entries recorded so far by this run. */
	async entries(): Promise<BackupEntry[]> {
		return readIndex(this.index);
	}

	private async start(): Promise<void> {
		if (this.started) return;
		this.started = true;
		await mkdir(path.dirname(this.index), {recursive: true, mode: 0o700});
		await mkdir(path.join(this.directory, 'objects'), {recursive: true, mode: 0o700});
		await pruneRuns(this.directory, this.keep, path.basename(path.dirname(this.index)));
	}

	private async save(entries: BackupEntry[]): Promise<void> {
		const temporary = `${this.index}.partial-${process.pid}`;
		await writeFile(temporary, `${JSON.stringify(entries, null, 2)}\n`, {mode: 0o600});
		await rename(temporary, this.index);
	}
}

/** The entries of one run's index (none when it is missing or unreadable). */
export async function readIndex(file: string): Promise<BackupEntry[]> {
	try {
		return JSON.parse(await readFile(file, 'utf8')) as BackupEntry[];
	} catch {
		return [];
	}
}

// Keeps the newest `keep` runs (this one included) and the copies they refer to; removes the rest.
async function pruneRuns(directory: string, keep: number, current: string): Promise<void> {
	const runs = (await readdir(path.join(directory, 'runs')).catch(() => [] as string[])).filter(run => run !== current).sort();
	for (const run of runs.slice(0, Math.max(0, runs.length - (keep - 1)))) await rm(path.join(directory, 'runs', run), {recursive: true, force: true});
	const used = new Set<string>();
	for (const run of await readdir(path.join(directory, 'runs'))) {
		for (const entry of await readIndex(path.join(directory, 'runs', run, 'index.json'))) if (entry.backup) used.add(path.basename(entry.backup));
	}

	for (const object of await readdir(path.join(directory, 'objects')).catch(() => [] as string[])) {
		if (!object.startsWith('.') && !used.has(object)) await rm(path.join(directory, 'objects', object), {force: true});
	}
}

const open = new Map<string, RunBackups>();

/** This process's run over `directory`: one run per process, made on first use. */
export function runBackupsFor(directory: string): RunBackups {
	let run = open.get(directory);
	if (!run) {
		run = new RunBackups(directory);
		open.set(directory, run);
	}

	return run;
}
