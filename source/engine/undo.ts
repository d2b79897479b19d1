import {existsSync, readdirSync} from 'node:fs';
import {chmod, chown, copyFile, readFile, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {planUndo, undoStepName, type RecordedChange, type UndoPlan} from '../domain/undo/plan-undo.js';
import {readIndex, runBackupsFor} from './backup/run-backups.js';
import {readLiveText} from './read-live.js';

/** Every change recorded by the runs whose backups are kept under `backupDir`. */
export async function recordedChanges(backupDir: string): Promise<RecordedChange[]> {
	const runs = existsSync(path.join(backupDir, 'runs')) ? readdirSync(path.join(backupDir, 'runs')).sort() : [];
	const all: RecordedChange[] = [];
	for (const run of runs) all.push(...(await readIndex(path.join(backupDir, 'runs', run, 'index.json'))));
	return all;
}

/** Plans undoing `step` from the backups under `backupDir` and the files as they are now (nothing changed). */
export async function planStepUndo(backupDir: string, step: string): Promise<UndoPlan> {
	const text = (file: string) => {
		try {
			// Never a FIFO or a device where a backed-up file was: planning an undo must not wait on it.
			return readLiveText(file);
		} catch {
			return undefined;
		}
	};

	return planUndo(step, await recordedChanges(backupDir), {backupText: backup => text(path.join(backupDir, backup)), currentText: text});
}

/**
 * Makes a planned undo: each file gets its content before the step byte for byte (copied from the backup under a
 * temporary name beside it, given its owner and mode, then renamed over it), files the step created are removed. What
 * is there now is backed up first under `undo:STEP`, so an undo can be looked at, and an undone change is not undone again.
 */
export async function applyUndo(backupDir: string, plan: Extract<UndoPlan, {ok: true}>): Promise<void> {
	const backups = runBackupsFor(backupDir);
	for (const change of plan.changes) {
		const entry = await backups.before(undoStepName(plan.step), change.path);
		if (change.kind === 'remove') {
			await rm(change.path, {force: true});
			await backups.after(entry, '');
			continue;
		}

		const temporary = path.join(path.dirname(change.path), `.${path.basename(change.path)}.tomesh-${process.pid}-${Date.now()}`);
		try {
			await copyFile(path.join(backupDir, change.backup!), temporary);
			if (change.mode !== undefined) await chmod(temporary, change.mode);
			if (change.owner && process.getuid?.() === 0) await chown(temporary, change.owner.uid, change.owner.gid);
			// chown clears set-id bits: the mode goes on again after it.
			if (change.mode !== undefined) await chmod(temporary, change.mode);
			await rename(temporary, change.path);
		} catch (error) {
			await rm(temporary, {force: true});
			throw error;
		}

		await backups.after(entry, await readFile(change.path));
	}
}
