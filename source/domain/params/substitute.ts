import type {Parameter} from '../types.js';
import {escapeForSingleQuotes} from './shell-quote.js';

/** A literal to replace and the value that replaces it. */
export interface Replacement {
	literal: string;
	value: string;
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** The replacements the values ask for: parameters whose value differs from their literal, longest literal first. */
export function replacements(parameters: Parameter[], values: Record<string, string>): Replacement[] {
	return parameters
		.filter((parameter) => values[parameter.name] !== undefined && values[parameter.name] !== parameter.literal)
		.map((parameter) => ({literal: parameter.literal, value: values[parameter.name]!}))
		.sort((a, b) => b.literal.length - a.literal.length);
}

/** One pass over `text` (so an inserted value is never replaced again); `insert` decides how a value is written at an offset. */
function replaceAll(text: string, list: Replacement[], insert: (value: string, offset: number) => string): string {
	if (list.length === 0) return text;
	// A literal only matches as a whole word: `tomesh.net` in `_matrix._tcp.tomesh.net`, not in `mytomesh.net`.
	const pattern = new RegExp(`(?<![\\w-])(?:${list.map((item) => escapeRegExp(item.literal)).join('|')})(?![\\w-])`, 'g');
	const byLiteral = new Map(list.map((item) => [item.literal, item.value]));
	return text.replace(pattern, (match, offset: number) => insert(byLiteral.get(match)!, offset));
}

/** Replaces literals in plain text (file contents, paths, URLs, expected output). */
export function substituteText(text: string, list: Replacement[]): string {
	return replaceAll(text, list, (value) => value);
}

type Quote = 'none' | 'single' | 'double';

/** The quoting in force at each offset of a shell command. */
function quoteStates(command: string): Quote[] {
	const states: Quote[] = [];
	let state: Quote = 'none';
	for (let index = 0; index < command.length; index++) {
		const char = command[index]!;
		states.push(state);
		if (state === 'single') {
			if (char === "'") state = 'none';
		} else if (char === '\\') {
			states.push(state);
			index++;
		} else if (char === "'" && state === 'none') {
			state = 'single';
		} else if (char === '"') {
			state = state === 'double' ? 'none' : 'double';
		}
	}

	return states;
}

/**
 * Replaces literals in a shell command, quoting each value for where it lands: outside quotes as one single-quoted
 * word (`'v'`, which bash joins with the text around it), inside double quotes with `"`, `\`, `$` and backquote
 * escaped, inside single quotes with `'` closed and reopened. A value is never pasted into a command unquoted.
 */
export function substituteShell(command: string, list: Replacement[]): string {
	const states = quoteStates(command);
	return replaceAll(command, list, (value, offset) => {
		switch (states[offset]) {
			case 'single': {
				return escapeForSingleQuotes(value);
			}

			case 'double': {
				return value.replaceAll(/["\\$`]/g, String.raw`\$&`);
			}

			default: {
				return `'${escapeForSingleQuotes(value)}'`;
			}
		}
	});
}
