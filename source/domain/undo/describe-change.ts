import type {UndoChange} from './plan-undo.js';

/** One line for a planned undo change, as `undo STEP` prints it and the walkthrough shows it above its diff. */
export function describeUndoChange(change: UndoChange): string {
	if (change.kind === 'remove') return `remove ${change.path} (the step created it)`;
	const mode = change.mode === undefined ? '' : ` (mode ${change.mode.toString(8)}${change.owner ? `, owner ${change.owner.uid}:${change.owner.gid}` : ''})`;
	return `put back ${change.path}${mode}`;
}
