import {InputError, type SetupDocument} from './types.js';

/**
 * Keeps only the runbooks named by `only` (an id, or a title, case-insensitive; a title shared by two runbooks
 * selects both). Documents left without runbooks are dropped. Throws InputError naming `--only` when nothing matches.
 */
export function selectRunbooks(documents: SetupDocument[], only: string | undefined): SetupDocument[] {
	if (only === undefined) return documents;
	const wanted = only.trim().toLowerCase();
	const selected = documents
		.map((document) => ({
			...document,
			runbooks: document.runbooks.filter((runbook) => runbook.id.toLowerCase() === wanted || runbook.title.toLowerCase() === wanted),
		}))
		.filter((document) => document.runbooks.length > 0);
	if (selected.length === 0) {
		const known = documents.flatMap((document) => document.runbooks.map((runbook) => runbook.id)).join(', ');
		throw new InputError(`no runbook '${only}' (known: ${known})`, '--only');
	}

	return selected;
}
