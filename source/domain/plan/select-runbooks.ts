import {InputError, type Runbook, type SetupDocument} from '../types.js';

/**
 * The runbooks `name` designates: the one with that id, else every runbook with that title (case-insensitive; the
 * seed has two procedures titled "Set up HTTPS with nginx and letsencrypt", and a title names both).
 */
export function findRunbooks(documents: SetupDocument[], name: string): Runbook[] {
	const all = documents.flatMap(document => document.runbooks);
	const wanted = name.trim().toLowerCase();
	const byId = all.filter(runbook => runbook.id.toLowerCase() === wanted);
	return byId.length > 0 ? byId : all.filter(runbook => runbook.title.toLowerCase() === wanted);
}

/** The runbooks a command works on: all of them, or those `--only` names; nothing matching → InputError naming the flag. */
export function selectRunbooks(documents: SetupDocument[], only: string | undefined, flag = '--only'): Runbook[] {
	const all = documents.flatMap(document => document.runbooks);
	if (only === undefined) return all;
	const selected = findRunbooks(documents, only);
	if (selected.length === 0) {
		throw new InputError(`no runbook '${only}' (known: ${all.map(runbook => runbook.id).join(', ') || 'none'})`, flag);
	}

	return selected;
}

/** The documents narrowed to the runbooks `--only` names (documents left without runbooks are dropped), for plan. */
export function selectDocuments(documents: SetupDocument[], only: string | undefined): SetupDocument[] {
	if (only === undefined) return documents;
	const selected = new Set(selectRunbooks(documents, only));
	return documents
		.map(document => ({...document, runbooks: document.runbooks.filter(runbook => selected.has(runbook))}))
		.filter(document => document.runbooks.length > 0);
}
