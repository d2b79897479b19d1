import {FileChangeError, newText, type FileAction} from '../domain/file-change.js';
import type {Step} from '../domain/types.js';
import {unifiedDiff} from '../domain/unified-diff.js';
import type {CheckContext, CheckOutcome, FileActionCheck} from './check-context.js';
import {readTextIfExists, resolvePath} from './check-file.js';

/**
 * One check per write/edit action of a step: it passes when re-applying the action would change nothing, i.e. the
 * step's file change is in place. Paths are relative to the session cwd the check runs in.
 */
export function fileActionChecks(step: Step): FileActionCheck[] {
	return step.actions.flatMap(action =>
		action.kind === 'write' || action.kind === 'edit'
			? [{kind: 'file-action' as const, action, title: describe(action), line: action.line}]
			: [],
	);
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
	const file = resolvePath(check.action.path, context);
	const old = await readTextIfExists(file, context.signal);
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
	return {status: 'fail', detail: `${file} differs: ${summarise(unifiedDiff(file, old, wanted))}`, hint: 're-run this step to restore it'};
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
