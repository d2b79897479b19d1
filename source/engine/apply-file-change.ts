import {chmod, chown, mkdir, open, readFile, realpath, rename, rm, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {newText, type FileAction} from '../domain/edit/file-change.js';
import {unifiedDiff} from '../domain/edit/unified-diff.js';
import {runBackupsFor} from './backup/run-backups.js';

/** The outcome of one file change. */
export interface AppliedFileChange {
	/** The absolute path changed (or found already right). */
	path: string;
	/** The unified diff applied, secrets masked; '' = no change (already applied). */
	diff: string;
	/** Where the previous content was saved, when there was one. */
	backup?: string;
}

/** The absolute path a write/edit lands on: `~` is the home directory, relative paths start at the session's cwd. */
export function resolveFilePath(file: string, cwd: string, home = os.homedir()): string {
	if (file === '~' || file.startsWith('~/')) return path.join(home, file.slice(1));
	return path.resolve(cwd, file);
}

/** The text a file has now, or undefined when it does not exist; other errors (permissions, a directory) are thrown. */
export async function readCurrent(file: string, signal?: AbortSignal): Promise<string | undefined> {
	try {
		return await readFile(file, {encoding: 'utf8', signal});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/**
 * Applies a write or edit action: computes the new text from the file as it is, and when it differs backs the file up
 * under `backupDir` (this run's index says what `step` changed, see run-backups.ts) and replaces it atomically (temp
 * file in the same directory + rename), keeping mode and owner.
 * Throws FileChangeError (from newText) when the change cannot be made, e.g. the file to edit does not exist.
 */
export async function applyFileChange(action: FileAction, options: {cwd: string; backupDir: string; step?: string}): Promise<AppliedFileChange> {
	const shown = resolveFilePath(action.path, options.cwd);
	// Through a symlink (/etc/resolv.conf often is one) the file it points to is changed; the link stays a link.
	const target = await realpath(shown).catch(() => shown);
	const before = await readCurrent(target);
	const after = newText(before, action);
	if (before === after) return {path: shown, diff: ''};
	const diff = unifiedDiff(shown, before, after);
	let previous: {mode: number; uid: number; gid: number} | undefined;
	if (before !== undefined) {
		const info = await stat(target);
		previous = {mode: info.mode & 0o7777, uid: info.uid, gid: info.gid};
	}

	// Recorded before the file is touched: a run killed half-way leaves an entry a later start can clean up after.
	const backups = runBackupsFor(options.backupDir);
	const entry = await backups.before(options.step ?? '', target);
	await mkdir(path.dirname(target), {recursive: true});
	await writeAtomically(target, after, previous ?? {mode: action.kind === 'write' && action.mode ? Number.parseInt(action.mode, 8) : 0o644});
	await backups.after(entry, after);
	return {path: shown, diff, backup: entry.backup === null ? undefined : path.join(options.backupDir, entry.backup)};
}

async function writeAtomically(target: string, text: string, keep: {mode: number; uid?: number; gid?: number}): Promise<void> {
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tomesh-${process.pid}-${Date.now()}`);
	const handle = await open(temporary, 'wx', 0o600);
	try {
		await handle.writeFile(text);
		await handle.sync();
	} finally {
		await handle.close();
	}

	try {
		await chmod(temporary, keep.mode);
		if (keep.uid !== undefined && keep.gid !== undefined && process.getuid?.() === 0) await chown(temporary, keep.uid, keep.gid);
		await rename(temporary, target);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}
