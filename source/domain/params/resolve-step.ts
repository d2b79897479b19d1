import {proseOnly} from './fill-prose.js';
import {replacements, substituteShell, substituteText, UnsafeValueError, type Replacement} from './substitute.js';
import {InputError, type Action, type Check, type EditOp, type Parameter, type Step} from '../types.js';

// A command with its values filled in; a value it cannot carry safely → InputError naming the parameter and the line.
function shell(command: string, list: Replacement[], step: Step, line: number): {command: string; env: Record<string, string>} {
	try {
		return substituteShell(command, list);
	} catch (error) {
		if (!(error instanceof UnsafeValueError)) throw error;
		throw new InputError(`the value of ${error.parameter} cannot be used at line ${line} (step ${step.id}): ${error.message}; give it a value of letters, digits and . _ - / @ : + , = % only`, '--set');
	}
}

function withEnv<T extends object>(item: T, env: Record<string, string>): T {
	return Object.keys(env).length === 0 ? item : {...item, env};
}

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

function resolveAction(action: Action, list: Replacement[], step: Step): Action {
	switch (action.kind) {
		case 'run': {
			const command = shell(action.command, list, step, action.line);
			const unless = action.unless === undefined ? undefined : shell(action.unless, list, step, action.line);
			return withEnv({...action, command: command.command, ...(unless ? {unless: unless.command} : {})}, {...unless?.env, ...command.env});
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

function resolveCheck(check: Check, list: Replacement[], step: Step): Check {
	switch (check.kind) {
		case 'command': {
			const command = shell(check.command, list, step, check.line);
			return withEnv({...check, command: command.command, ...(check.expect ? {expect: check.expect.map((line) => substituteText(line, list))} : {})}, command.env);
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

/** A copy of `step` with `prose` (see proseReplacements) filled into its title, instructions and notes only. */
export function resolveProse(step: Step, prose: Replacement[]): Step {
	return {...step, title: substituteText(step.title, prose), markdown: substituteText(step.markdown, prose), notes: step.notes.map((note) => substituteText(note, prose))};
}

/**
 * A copy of `step` with every parameter value filled in: commands (see substituteShell: a value that is not inert
 * reaches the command through `env`), paths, file contents,
 * edits, checks, the working directory and the title. `values` must already be validated (see parameters.ts).
 * Parameters without a value keep their literal. A value a command cannot carry safely → InputError.
 */
export function resolveStep(step: Step, parameters: Parameter[], values: Record<string, string>): Step {
	const list = replacements(parameters, values);
	if (list.length === 0) return step;
	return {
		...resolveProse(step, proseOnly(list)),
		actions: step.actions.map((action) => resolveAction(action, list, step)),
		checks: step.checks.map((check) => resolveCheck(check, list, step)),
		...(step.cwd ? {cwd: substituteText(step.cwd, list)} : {}),
	};
}
