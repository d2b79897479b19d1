import {unifiedDiff} from '../edit/unified-diff.js';
import type {BackupEntry} from './backup-entry.js';

/** One recorded file change, as a run's backup index keeps it (see engine/backup/run-backups.ts). */
export type RecordedChange = Pick<BackupEntry, 'step' | 'path' | 'backup' | 'existedBefore' | 'owner' | 'mode' | 'at'>;

/** What putting back one file means: its content, owner and mode before the step, or removing a file it created. */
export interface UndoChange {
	path: string;
	kind: 'restore' | 'remove';
	/** The backup copy to put back (restore only), relative to the backup directory. */
	backup?: string;
	owner?: {uid: number; gid: number};
	mode?: number;
	/** What the file becomes: the unified diff from its content now. */
	diff: string;
}

/**
 * An undo planned: the changes to make, or the one-line reason it is refused (with `first`, the later step that changed
 * one of the same files and is to be undone before this one).
 */
export type UndoPlan = {ok: true; step: string; changes: UndoChange[]} | {ok: false; reason: string; first?: string};

/** What the planner reads: the text of a backup copy (undefined = missing) and of a file now (undefined = absent). */
export interface UndoReader {
	backupText(backup: string): string | undefined;
	currentText(file: string): string | undefined;
}

/** The step name under which an undo of `step` records its own changes (so an undone change is not undone again). */
export function undoStepName(step: string): string {
	return `undo:${step}`;
}

/** Whether `step` is the name an undo records its own changes under (see undoStepName). */
export function isUndoStep(step: string): boolean {
	return step.startsWith('undo:');
}

/**
 * Plans putting back what `step` changed, from every run's recorded changes in time order. For each file the step's
 * last changes (those not undone since) are taken back to the content before the earliest of them. Refused when
 * another step changed one of those files afterwards (that one is to be undone first), when a backup copy is missing,
 * or when the step changed nothing that can be put back.
 */
export function planUndo(step: string, changes: RecordedChange[], read: UndoReader): UndoPlan {
	const ordered = [...changes].sort((a, b) => a.at.localeCompare(b.at));
	const undone = (change: RecordedChange, index: number) =>
		ordered.slice(index + 1).some(later => later.path === change.path && later.step === undoStepName(change.step));
	const live = ordered.filter((change, index) => !isUndoStep(change.step) && !undone(change, index));
	const byPath = new Map<string, RecordedChange[]>();
	for (const change of live.filter(change => change.step === step)) byPath.set(change.path, [...(byPath.get(change.path) ?? []), change]);
	if (byPath.size === 0) return {ok: false, reason: `${step} changed no file that was backed up: nothing to put back`};

	const planned: UndoChange[] = [];
	for (const [file, mine] of byPath) {
		const last = mine.at(-1)!;
		const later = live.find(change => change.path === file && change.step !== step && change.at > last.at);
		if (later) return {ok: false, reason: `${later.step} changed ${file} after ${step}: undo ${later.step} first`, first: later.step};
		// The step may have changed the file several times (run again after a failure): put back what was there first.
		const first = mine[0]!;
		const now = read.currentText(file);
		if (!first.existedBefore || first.backup === null) {
			if (now !== undefined) planned.push({path: file, kind: 'remove', diff: unifiedDiff(file, now, undefined)});
			continue;
		}

		const before = read.backupText(first.backup);
		if (before === undefined) return {ok: false, reason: `the backup of ${file} (${first.backup}) is missing: cannot put it back`};
		planned.push({path: file, kind: 'restore', backup: first.backup, owner: first.owner ?? undefined, mode: first.mode ?? undefined, diff: unifiedDiff(file, now, before)});
	}

	return {ok: true, step, changes: planned};
}
