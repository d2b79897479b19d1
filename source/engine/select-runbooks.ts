import {InputError, type Runbook, type SetupDocument} from '../domain/types.js';

/** Finds a runbook by id or title (case-insensitive); undefined when none matches. */
export function findRunbook(documents: SetupDocument[], name: string): Runbook | undefined {
	const all = documents.flatMap(document => document.runbooks);
	const wanted = name.trim().toLowerCase();
	return all.find(runbook => runbook.id === name) ?? all.find(runbook => runbook.id.toLowerCase() === wanted || runbook.title.toLowerCase() === wanted);
}

/** The runbooks a command works on: all of them, or the one `--only` names (unknown → InputError naming the choices). */
export function selectRunbooks(documents: SetupDocument[], only: string | undefined, flag = '--only'): Runbook[] {
	const all = documents.flatMap(document => document.runbooks);
	if (only === undefined) return all;
	const runbook = findRunbook(documents, only);
	if (!runbook) throw new InputError(`no runbook '${only}' (known: ${all.map(candidate => candidate.id).join(', ') || 'none'})`, flag);
	return [runbook];
}
