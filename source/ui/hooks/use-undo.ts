import type {Key} from 'ink';
import type {Step, StepStatus} from '../../domain/types.js';
import type {UndoPlan} from '../../domain/undo/plan-undo.js';
import type {Controller, StepProgress} from '../../engine/controller-types.js';
import {useStateRef} from './use-state-ref.js';

/** Where an undo in the walkthrough is: planning, asking with the plan on screen, refused, or putting back. */
export type UndoState =
	| {phase: 'idle'}
	| {phase: 'planning'; stepId: string}
	| {phase: 'confirm'; stepId: string; plan: Extract<UndoPlan, {ok: true}>}
	| {phase: 'refused'; stepId: string; reason: string; first?: string}
	| {phase: 'undoing'; stepId: string};

/** What a screen gets from useUndo: the state to draw, and a key handler that says whether it took the key. */
export interface UndoControl {
	state: UndoState;
	/** True while the undo owns the screen (planning, asking, putting back). */
	active: boolean;
	/** Starts planning the undo of `stepId` (the plan is shown, nothing changes until y). */
	start: (stepId: string) => void;
	/** Handles a key while an undo is under way or was refused; false when the key is the screen's. */
	handleKey: (input: string, key: Key) => boolean;
}

/**
 * The walkthrough's `u`: plans the undo of a step (the diffs of what would be put back), asks, then puts the files
 * back and makes the step pending. A refusal is one line; when a later step changed the same file, `u` plans that
 * one instead. `onUndone` hears of every undo made, `onError` of an engine error (as the line to show).
 */
export function useUndo(controller: Controller, onUndone: (stepId: string, plan: Extract<UndoPlan, {ok: true}>) => void, onError: (line: string) => void): UndoControl {
	// The keys of one burst (u then y) read the state from `current`.
	const [state, current, setState] = useStateRef<UndoState>({phase: 'idle'});

	const failed = (error: unknown) => {
		setState({phase: 'idle'});
		onError(`undo failed: ${error instanceof Error ? error.message : String(error)}`);
	};

	const start = (stepId: string) => {
		setState({phase: 'planning', stepId});
		controller.undoStep(stepId, {dryRun: true}).then(plan => {
			if (current.current.phase !== 'planning' || current.current.stepId !== stepId) return;
			setState(plan.ok ? {phase: 'confirm', stepId, plan} : {phase: 'refused', stepId, reason: plan.reason, first: plan.first});
		}, failed);
	};

	const apply = (stepId: string) => {
		setState({phase: 'undoing', stepId});
		controller.undoStep(stepId).then(plan => {
			if (plan.ok) {
				setState({phase: 'idle'});
				onUndone(stepId, plan);
			} else {
				// The files changed between the plan and the y: the new reason is shown, nothing was changed.
				setState({phase: 'refused', stepId, reason: plan.reason, first: plan.first});
			}
		}, failed);
	};

	const handleKey = (input: string, key: Key): boolean => {
		const now = current.current;
		if (now.phase === 'planning' || now.phase === 'undoing') return true;
		if (now.phase === 'confirm') {
			if (input === 'y') apply(now.stepId);
			else if (input === 'n' || key.escape) setState({phase: 'idle'});
			return true;
		}

		if (now.phase === 'refused') {
			if (input === 'u' && now.first) {
				start(now.first);
				return true;
			}

			setState({phase: 'idle'});
			return key.escape;
		}

		return false;
	};

	const active = state.phase === 'planning' || state.phase === 'confirm' || state.phase === 'undoing';
	return {state, active, start, handleKey};
}

/** Whether `u` applies to a step: it ended (done, or failed part-way) and it writes or edits files, which are backed up. */
export function undoApplies(status: StepStatus, step: Step): boolean {
	return (status === 'done' || status === 'failed') && step.actions.some(action => action.kind === 'write' || action.kind === 'edit');
}

/** The step of a runbook that `u` on the checklist undoes: the one that ended last among those `u` applies to. */
export function lastUndoable(progress: readonly StepProgress[]): string | undefined {
	const candidates = progress.filter(item => undoApplies(item.status, item.step));
	// Undo goes backwards: the latest end first (the document's order breaks ties).
	const latest = candidates.reduce<StepProgress | undefined>((best, item) => (!best || (item.endedAt ?? '') >= (best.endedAt ?? '') ? item : best), undefined);
	return latest?.step.id;
}
