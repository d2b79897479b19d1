import {copyFile, chmod, chown, mkdir, open, realpath, rename, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import type {FileAction} from '../domain/edit/file-change.js';
import {unifiedDiff} from '../domain/edit/unified-diff.js';
import {planFileChange} from '../domain/plan/plan-step.js';
import {readLiveText} from './read-live.js';

/** The outcome of one file change. */
export interface AppliedFileChange {
	/** The absolute path changed (or found already right). */
	path: string;
	/** The unified diff applied, secrets masked; '' = no change (already applied). */
	diff: string;
	/** Where the previous content was saved, when there was one. */
	backup?: string;
}

/**
 * Applies a write or edit action at `shown` (the absolute path the planner gave it): computes the new text with the
 * planner from the file as it is, and when it differs backs the file up under `backupDir` and replaces it atomically
 * (temp file in the same directory + rename), keeping mode and owner. Throws FileChangeError when the change cannot
 * be made, e.g. the file to edit does not exist.
 */
export async function applyFileChange(action: FileAction, shown: string, options: {backupDir: string}): Promise<AppliedFileChange> {
	// Through a symlink (/etc/resolv.conf often is one) the file it points to is changed; the link stays a link.
	const target = await realpath(shown).catch(() => shown);
	const {before, after} = planFileChange(action, target, readLiveText);
	if (before === after) return {path: shown, diff: ''};
	const diff = unifiedDiff(shown, before, after);
	let backup: string | undefined;
	let previous: {mode: number; uid: number; gid: number} | undefined;
	if (before !== undefined) {
		const info = await stat(target);
		previous = {mode: info.mode & 0o7777, uid: info.uid, gid: info.gid};
		backup = path.join(options.backupDir, new Date().toISOString().replaceAll(':', '-'), target);
		await mkdir(path.dirname(backup), {recursive: true, mode: 0o700});
		await copyFile(target, backup);
	}

	await mkdir(path.dirname(target), {recursive: true});
	await writeAtomically(target, after, previous ?? {mode: action.kind === 'write' && action.mode ? Number.parseInt(action.mode, 8) : 0o644});
	return {path: shown, diff, backup};
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
