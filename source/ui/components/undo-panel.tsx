import {Box, Text} from 'ink';
import {describeUndoChange} from '../../domain/undo/describe-change.js';
import type {UndoPlan} from '../../domain/undo/plan-undo.js';
import type {Controller} from '../../engine/controller-types.js';
import {locateStep} from '../checklist-model.js';
import type {UndoState} from '../hooks/use-undo.js';
import {Breadcrumb} from './breadcrumb.js';
import {DiffView} from './diff-view.js';
import {KeyFooter} from './key-footer.js';

// "step 2 of Build the site (Create index.txt)": a step named as the operator knows it.
function stepName(controller: Controller, stepId: string): string {
	const where = locateStep(controller, stepId);
	if (!where) return stepId;
	const step = where.runbook.steps[where.index]!;
	return `step ${step.number} of ${where.runbook.title} (${step.title})`;
}

// "1 file", "3 files".
function fileCount(count: number): string {
	return `${count} file${count === 1 ? '' : 's'}`;
}

/** The line after an undo was made: "↶ Undid step 2 of …: 1 file put back; " then `after`. */
export function undoneNote(controller: Controller, undone: string, plan: Extract<UndoPlan, {ok: true}>, after = 'it is pending again'): string {
	return `↶ Undid ${stepName(controller, undone)}: ${fileCount(plan.changes.length)} put back; ${after}`;
}

/**
 * The undo of a step while it owns the screen: what would be put back (each file, then its diff, cut to `rows` lines
 * in all) and the question; or the line saying it is being worked out or done.
 */
export function UndoPanel({controller, state, rows}: {controller: Controller; state: UndoState; rows: number}) {
	if (state.phase === 'idle' || state.phase === 'refused') return null;
	const name = stepName(controller, state.stepId);
	if (state.phase === 'planning') return <Text dimColor>{`working out what undoing ${name} puts back…`}</Text>;
	if (state.phase === 'undoing') return <Text dimColor>{`putting back what ${name} changed…`}</Text>;
	const {changes} = state.plan;
	let room = Math.max(3, rows - 6 - changes.length * 2);
	const cut = changes.map(change => {
		const lines = (change.diff || '').replace(/\n$/, '').split('\n').filter(line => line !== '');
		const shown = lines.slice(0, room);
		room = Math.max(0, room - shown.length);
		return {change, diff: shown.length > 0 ? `${shown.join('\n')}\n` : '', hidden: lines.length - shown.length};
	});
	return (
		<Box flexDirection="column">
			<Text bold underline>{`Undo ${name}`}</Text>
			{cut.map(({change, diff, hidden}) => (
				<Box key={change.path} flexDirection="column">
					<Text>{describeUndoChange(change)}</Text>
					{diff === '' && hidden === 0 ? <Text dimColor>  (content unchanged)</Text> : <DiffView diff={diff} />}
					{hidden > 0 ? <Text dimColor>{`  … ${hidden} more lines (tomesh-setup undo ${state.stepId} shows all)`}</Text> : null}
				</Box>
			))}
			<Text color="yellow" bold>{`Put back ${fileCount(changes.length)} as before the step and make it pending again? (y/n)`}</Text>
			<KeyFooter
				keys={[
					{key: 'y', label: 'undo'},
					{key: 'n', label: 'keep'},
				]}
			/>
		</Box>
	);
}

/** The one line of a refused undo; with `u` to undo first the later step that changed the same file. */
export function UndoRefusal({controller, state}: {controller: Controller; state: UndoState}) {
	if (state.phase !== 'refused') return null;
	const first = state.first ? ` — u undoes ${stepName(controller, state.first)} first` : '';
	return <Text color="red">{`✖ Cannot undo: ${state.reason}${first}`}</Text>;
}

/** The undo taking over a step's screen: where the step is, then the panel, in the terminal's `rows`. */
export function UndoScreen({controller, stepId, state, rows}: {controller: Controller; stepId: string; state: UndoState; rows: number}) {
	const where = locateStep(controller, stepId)!;
	return (
		<Box flexDirection="column">
			<Breadcrumb runbook={where.runbook} index={where.index} />
			<UndoPanel controller={controller} state={state} rows={rows - 2} />
		</Box>
	);
}
