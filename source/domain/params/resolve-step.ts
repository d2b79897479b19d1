import {replacements, substituteShell, substituteText, type Replacement} from './substitute.js';
import type {Action, Check, EditOp, Parameter, Step} from '../types.js';

function resolveEdit(edit: EditOp, list: Replacement[]): EditOp {
	switch (edit.op) {
		case 'set-yaml': {
			return {...edit, key: edit.key.map((key) => substituteText(key, list)), value: substituteText(edit.value, list)};
		}

		case 'append-line': {
			return {...edit, line: substituteText(edit.line, list)};
		}

		case 'comment-and-insert': {
			return {...edit, insert: edit.insert.map((line) => substituteText(line, list))};
		}
	}
}

function resolveAction(action: Action, list: Replacement[]): Action {
	switch (action.kind) {
		case 'run': {
			return {...action, command: substituteShell(action.command, list), ...(action.unless ? {unless: substituteShell(action.unless, list)} : {})};
		}

		case 'write': {
			return {...action, path: substituteText(action.path, list), content: substituteText(action.content, list)};
		}

		case 'edit': {
			return {...action, path: substituteText(action.path, list), edit: resolveEdit(action.edit, list)};
		}

		case 'manual': {
			const {code, path} = action;
			return {...action, text: substituteText(action.text, list), ...(code ? {code: substituteText(code, list)} : {}), ...(path ? {path: substituteText(path, list)} : {})};
		}

		default: {
			return {...action};
		}
	}
}

function resolveCheck(check: Check, list: Replacement[]): Check {
	switch (check.kind) {
		case 'command': {
			return {...check, command: substituteShell(check.command, list), ...(check.expect ? {expect: check.expect.map((line) => substituteText(line, list))} : {})};
		}

		case 'file': {
			const {contains, equals} = check;
			return {
				...check,
				path: substituteText(check.path, list),
				...(contains ? {contains: contains.map((text) => substituteText(text, list))} : {}),
				...(equals === undefined ? {} : {equals: substituteText(equals, list)}),
			};
		}

		case 'http': {
			return {...check, url: substituteText(check.url, list), ...(check.contains ? {contains: substituteText(check.contains, list)} : {})};
		}

		case 'port': {
			return {...check, host: substituteText(check.host, list)};
		}

		case 'matrix': {
			return {...check, serverName: substituteText(check.serverName, list), ...(check.web ? {web: substituteText(check.web, list)} : {})};
		}
	}
}

/**
 * A copy of `step` with every parameter value filled in: commands (quoted for the shell), paths, file contents,
 * edits, checks, the working directory and the title. `values` must already be validated (see parameters.ts).
 * Parameters without a value keep their literal.
 */
export function resolveStep(step: Step, parameters: Parameter[], values: Record<string, string>): Step {
	const list = replacements(parameters, values);
	if (list.length === 0) return step;
	// Prose keeps its placeholders ("where `VERSION` can be a branch…"): only real values read well replaced there.
	const prose = list.filter((item) => !/^(?:[A-Za-z\d]+:)?[A-Z][A-Z\d_]{2,}$/.test(item.literal));
	return {
		...step,
		title: substituteText(step.title, prose),
		markdown: substituteText(step.markdown, prose),
		actions: step.actions.map((action) => resolveAction(action, list)),
		checks: step.checks.map((check) => resolveCheck(check, list)),
		notes: step.notes.map((note) => substituteText(note, prose)),
		...(step.cwd ? {cwd: substituteText(step.cwd, list)} : {}),
	};
}
