import {InputError, type Runbook, type SetupDocument, type Step} from '../types.js';
import {fillProse, proseReplacements} from './fill-prose.js';
import {resolveProse, resolveStep} from './resolve-step.js';
import {substituteText} from './substitute.js';

function shownStep(step: Step, document: SetupDocument, values: Record<string, string>): Step {
	try {
		return resolveStep(step, document.parameters, values);
	} catch (error) {
		// A value no command can carry is refused when the step runs; the screens still show the text with it.
		if (!(error instanceof InputError)) throw error;
		return resolveProse(step, proseReplacements(document.parameters, values));
	}
}

/** A runbook's title and heading with the operator's values (its steps as they are). */
export function shownRunbookTitles(runbook: Runbook, document: SetupDocument, values: Record<string, string>): Runbook {
	const prose = proseReplacements(document.parameters, values);
	return {...runbook, title: substituteText(runbook.title, prose), group: substituteText(runbook.group, prose)};
}

/**
 * A document as the screens and reports show it: its title, headings, step titles, instructions, notes, commands
 * and checks with the operator's values in place of the document's own (`example.org` → their domain). Ids and line
 * numbers are kept, so every lookup still works. Pure.
 */
export function shownDocument(document: SetupDocument, values: Record<string, string>): SetupDocument {
	return {
		...document,
		title: fillProse(document.title, document.parameters, values),
		runbooks: document.runbooks.map(runbook => ({...shownRunbookTitles(runbook, document, values), steps: runbook.steps.map(step => shownStep(step, document, values))})),
	};
}
