import type {Step} from '../../domain/types.js';

/** A step named in a hint: where to go to fix what a check found. */
export interface StepRef {
	id: string;
	number: number;
	title: string;
}

/** Finds the step whose actions (or, failing that, checks) contain every one of `look`; undefined when none does. */
export type LocateStep = (look: string[]) => StepRef | undefined;

// What a step does, as text to search: commands, paths, file contents, edits and manual text. Single quotes are left
// out: a parameter's value in a command is quoted (`sites-enabled/'example.org'`), and the needle is the plain name.
function actionText(step: Step): string {
	return step.actions.map(action => JSON.stringify(action).replaceAll("'", '')).join('\n');
}

function checkText(step: Step): string {
	return step.checks.filter(check => check.kind !== 'matrix').map(check => JSON.stringify(check).replaceAll("'", '')).join('\n');
}

/**
 * A locator over `steps` (parameters filled in, in document order): the first step whose actions mention every text
 * of `look` — the file it writes, the command it runs — else the first whose checks do (a manual step checked with
 * `getent hosts NAME`). Texts are compared as JSON would write them, without single quotes.
 */
export function stepLocator(steps: Step[]): LocateStep {
	const texts = steps.map(step => ({step, actions: actionText(step), checks: checkText(step)}));
	return look => {
		const needles = look.map(text => JSON.stringify(text).slice(1, -1));
		const found = texts.find(entry => needles.every(needle => entry.actions.includes(needle))) ?? texts.find(entry => needles.every(needle => entry.checks.includes(needle)));
		return found && {id: found.step.id, number: found.step.number, title: found.step.title};
	};
}
