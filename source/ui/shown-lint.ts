import {lintDocuments, type LintFinding} from '../domain/lint/lint-documents.js';
import type {SetupDocument} from '../domain/types.js';

// The documents the screens show are one array until a value or a masked secret changes them (MaskedController keeps
// the copy otherwise): the checklist and every step screen read the same findings.
const linted = new WeakMap<SetupDocument[], LintFinding[]>();

/** The lint findings of the documents the screens show, worked out once per documents array. */
export function shownLint(documents: SetupDocument[]): LintFinding[] {
	let findings = linted.get(documents);
	if (!findings) {
		findings = lintDocuments(documents);
		linted.set(documents, findings);
	}

	return findings;
}
