import {FileChangeError, newText, type FileAction} from '../../domain/edit/file-change.js';
import {unifiedDiff} from '../../domain/edit/unified-diff.js';
import type {PlannedAction, StepPlan} from '../../domain/plan/plan-step.js';
import {targetOf} from '../../domain/plan/plan-step.js';
import type {CheckContext, CheckOutcome, FileActionCheck, LaterFileChange} from './context.js';
import {readCurrent} from '../read-live.js';

/**
 * One check per write/edit action of a step: it passes when re-applying the action would change nothing, i.e. the
 * step's file change is in place. Paths are relative to the session cwd the check runs in. `later` are the file
 * changes of the runbook's later steps: a write followed by edits of the same file is checked with them.
 */
export function fileActionChecks(plan: StepPlan, later: LaterFileChange[] = []): FileActionCheck[] {
	const actions = plan.actions.filter((action): action is PlannedAction & FileAction => action.kind === 'write' || action.kind === 'edit');
	return actions.map((action, index) => ({
		kind: 'file-action' as const,
		action,
		...(action.target === undefined ? {} : {target: action.target}),
		title: describe(action),
		line: action.line,
		...(action.kind === 'write' ? {later: [...actions.slice(index + 1).map(next => ({action: next, target: next.target})), ...later]} : {}),
	}));
}

/** Where a file change lands: the planner's path, or (when it could not tell) the path from the check's directory. */
function fileOf(action: FileAction, target: string | undefined, context: Pick<CheckContext, 'cwd' | 'home'>): string {
	return target ?? targetOf(action.path, context.cwd, context.home)!;
}

function describe(action: FileAction): string {
	if (action.kind === 'write') return `${action.path} has the content this step writes`;
	switch (action.edit.op) {
		case 'append-line': {
			return `${action.path} has the line '${action.edit.line.trim()}'`;
		}

		case 'set-yaml': {
			return `${action.path} sets ${action.edit.key.join(':')} to ${action.edit.value}`;
		}

		case 'comment-and-insert': {
			return `${action.path} has the lines this step inserts`;
		}
	}
}

/** Runs a file-action check: reads the live file and computes what applying the action would make of it. */
export async function runFileActionCheck(check: FileActionCheck, context: CheckContext): Promise<CheckOutcome> {
	const file = fileOf(check.action, check.target, context);
	const old = await readCurrent(file, context.signal);
	let wanted: string;
	try {
		wanted = newText(old, check.action);
	} catch (error) {
		// The message names the path as the document wrote it; say which file that is here.
		if (error instanceof FileChangeError) return {status: 'fail', detail: error.message.replace(check.action.path, file), hint: 'run the earlier steps first'};
		throw error;
	}

	if (old === undefined) return {status: 'fail', detail: `file missing: ${file}`, hint: 'run this step'};
	if (wanted === old) return {status: 'pass', detail: `${file} is as this step leaves it`};
	const edited = editedLater(wanted, old, file, check.later ?? [], context);
	if (edited > 0) return {status: 'pass', detail: `${file} is as this step wrote it, with ${edited} later change${edited === 1 ? '' : 's'}`};
	return {status: 'fail', detail: `${file} differs: ${summarise(unifiedDiff(file, old, wanted))}`, hint: 're-run this step to restore it'};
}

// How many of the later changes of the same file, applied in order to what the step wrote, give the file as it is
// (0 = no such prefix). Each prefix is a state the runbook passes through, so each is a file in place.
function editedLater(written: string, current: string, file: string, later: LaterFileChange[], context: CheckContext): number {
	let text = written;
	let applied = 0;
	for (const change of later) {
		if (fileOf(change.action, change.target, context) !== file) continue;
		try {
			text = newText(text, change.action);
		} catch {
			return 0;
		}

		applied++;
		if (text === current) return applied;
	}

	return 0;
}

// The first removed and added lines of a (masked) diff: enough to say what differs in one line.
function summarise(diff: string): string {
	const body = diff.split('\n').filter(line => /^[-+]/.test(line) && !/^(?:---|\+\+\+) /.test(line));
	const removed = body.find(line => line.startsWith('-'));
	const added = body.find(line => line.startsWith('+'));
	const parts = [];
	if (removed !== undefined) parts.push(`has '${removed.slice(1).trim()}'`);
	if (added !== undefined) parts.push(`${removed === undefined ? 'lacks' : 'instead of'} '${added.slice(1).trim()}'`);
	const more = body.length > 2 ? ` (${body.length} lines differ)` : '';
	return parts.join(' ') + more;
}
