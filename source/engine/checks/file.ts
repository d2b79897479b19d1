import type {Check} from '../../domain/types.js';
import {maskSecrets} from '../../domain/secrets.js';
import {targetOf} from '../../domain/plan/plan-step.js';
import {readCurrent} from '../read-live.js';
import type {CheckContext, CheckOutcome} from './context.js';

type FileCheck = Extract<Check, {kind: 'file'}>;

/** Resolves a document path (possibly relative or starting with `~/`) against the check's session. */
export function resolvePath(file: string, context: Pick<CheckContext, 'cwd' | 'home'>): string {
	return targetOf(file, context.cwd, context.home)!;
}

/** Runs a file check: the file exists and contains every `contains` string / equals `equals` (ignoring a final newline). */
export async function runFileCheck(check: FileCheck, context: CheckContext): Promise<CheckOutcome> {
	const file = resolvePath(check.path, context);
	const text = await readCurrent(file, context.signal);
	if (text === undefined) return {status: 'fail', detail: `file missing: ${file}`, hint: 'run the step that creates it'};
	const missing = (check.contains ?? []).filter(needle => !text.includes(needle));
	if (missing.length > 0) return {status: 'fail', detail: `${file} does not contain '${maskSecrets(missing[0]!)}'`};
	if (check.equals !== undefined && text.replace(/\n$/, '') !== check.equals.replace(/\n$/, '')) {
		return {status: 'fail', detail: `${file} differs from the expected content${firstDifference(text, check.equals)}`};
	}

	const what = check.equals === undefined ? (check.contains?.length ? `contains ${check.contains.length === 1 ? `'${maskSecrets(check.contains[0]!)}'` : `all ${check.contains.length} expected strings`}` : 'exists') : 'has the expected content';
	return {status: 'pass', detail: `${file} ${what}`};
}

function firstDifference(got: string, wanted: string): string {
	const a = got.split('\n');
	const b = wanted.split('\n');
	const index = a.findIndex((line, i) => line !== b[i]);
	const at = index === -1 ? a.length : index;
	return ` at line ${at + 1}: expected '${maskSecrets(b[at] ?? '(end of file)')}', got '${maskSecrets(a[at] ?? '(end of file)')}'`;
}
