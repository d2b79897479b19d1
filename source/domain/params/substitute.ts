import type {Parameter} from '../types.js';
import {escapeForSingleQuotes} from './shell-quote.js';
import {shellContexts, type ShellContext} from './shell-context.js';

/** A literal to replace, the value that replaces it and the parameter it belongs to. */
export interface Replacement {
	literal: string;
	value: string;
	name: string;
}

/** A shell command with its values filled in, and the environment its value references need. */
export interface ShellSubstitution {
	command: string;
	/** `TS_PARAM_<NAME>` → value, for every value the command refers to instead of containing it. */
	env: Record<string, string>;
}

/** A value that would be read as code wherever it is put: the command hands it to a shell or interpreter again. */
export class UnsafeValueError extends Error {
	/** The parameter whose value it is. */
	readonly parameter: string;
	constructor(parameter: string, why: string) {
		super(why);
		this.name = 'UnsafeValueError';
		this.parameter = parameter;
	}
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
const placeholder = /^(?:[A-Za-z\d]+:)?[A-Z][A-Z\d_]{2,}$/;

/** Whether `literal` is an ALL-CAPS placeholder: `VERSION`, `YOUR_SERVER_IP`, `IPv6:ADDRESS`. */
export function isPlaceholder(literal: string): boolean {
	return placeholder.test(literal);
}

/**
 * Whether `value` reads the same in every shell context, nested shells included: only characters no shell, quote or
 * expansion gives a meaning to, and no leading `-` (which a program would take for an option).
 */
export function isInertValue(value: string): boolean {
	return /^[\w@%+=:,./-]+$/.test(value) && !value.startsWith('-');
}

/** The environment variable through which a command receives the value of parameter `name`. */
export function parameterVariable(name: string): string {
	return `TS_PARAM_${name.toUpperCase().replaceAll(/[^A-Z\d]/g, '_')}`;
}

/** The replacements the values ask for: parameters whose value differs from their literal, longest literal first. */
export function replacements(parameters: Parameter[], values: Record<string, string>): Replacement[] {
	return parameters
		.filter((parameter) => values[parameter.name] !== undefined && values[parameter.name] !== parameter.literal)
		.map((parameter) => ({literal: parameter.literal, value: values[parameter.name]!, name: parameter.name}))
		.sort((a, b) => b.literal.length - a.literal.length);
}

// The same few literals are looked for in every text of every step (the screens show them all at once): the pattern
// is built once per list of literals, not once per text.
const patterns = new Map<string, RegExp>();
function literalPattern(literals: string[]): RegExp {
	const key = literals.join('\0');
	let pattern = patterns.get(key);
	if (!pattern) {
		const alternatives = literals.map((literal) => {
			const escaped = escapeRegExp(literal);
			return isPlaceholder(literal) ? `(?<![\\w$]|\\$\\{)${escaped}(?!\\w)` : `(?:(?<![\\w$-]|\\$\\{)|(?<=:[-=+?]))${escaped}(?![\\w-])`;
		});
		pattern = new RegExp(alternatives.map((alternative) => `(${alternative})`).join('|'), 'g');
		// Values change rarely in one process; a bound keeps a long session from keeping every list it ever saw.
		if (patterns.size >= 64) patterns.clear();
		patterns.set(key, pattern);
	}

	return pattern;
}

/** Every whole-word occurrence of a literal: offset and replacement, in order, none overlapping. */
function occurrences(text: string, list: Replacement[]): Array<{offset: number; length: number; item: Replacement}> {
	if (list.length === 0) return [];
	// A literal only matches as a whole word: `tomesh.net` in `_matrix._tcp.tomesh.net`, not in `mytomesh.net` or
	// `chat-tomesh.net`; never a variable's name (`$PASSWORD`, `${PASSWORD}`). A placeholder (`YOUR_DOMAIN`) also
	// matches next to a `-` (`YOUR_DOMAIN-ssl`, `${HOST:-YOUR_DOMAIN}`), a host name only after `:-` and friends.
	return [...text.matchAll(literalPattern(list.map((item) => item.literal)))].map((match) => {
		const group = match.slice(1).findIndex((part) => part !== undefined);
		return {offset: match.index, length: match[0].length, item: list[group]!};
	});
}

/**
 * Whether `text` holds `literal` where substitution would replace it: as a whole word, the rule of occurrences (so
 * `VERSION` is not in `$VERSION_CODENAME`, nor `example.org` in `myexample.org`).
 */
export function mentions(text: string, literal: string): boolean {
	if (!text.includes(literal)) return false;
	// The pattern is shared and global: test() moves its lastIndex, from which matchAll would start (occurrences).
	const pattern = literalPattern([literal]);
	pattern.lastIndex = 0;
	const found = pattern.test(text);
	pattern.lastIndex = 0;
	return found;
}

/** One pass over `text` (so an inserted value is never replaced again); `insert` writes the value found at an offset. */
function replaceAll(text: string, list: Replacement[], insert: (item: Replacement, offset: number) => string): string {
	let out = '';
	let last = 0;
	for (const {offset, length, item} of occurrences(text, list)) {
		out += text.slice(last, offset) + insert(item, offset);
		last = offset + length;
	}

	return out + text.slice(last);
}

/** Replaces literals in plain text (file contents, paths, URLs, expected output). */
export function substituteText(text: string, list: Replacement[]): string {
	return replaceAll(text, list, (item) => item.value);
}

/**
 * Replaces literals in a shell command so that no value is ever read as code. A value made only of characters no
 * shell gives a meaning to (a host name, a version, a path) is put in as it is. Any other value is not put into the
 * command at all: the command refers to it (`"${TS_PARAM_NAME}"`, quoted for where the reference lands) and gets it
 * in its environment. Where a reference cannot work — arithmetic, or a line that hands text to a shell or interpreter
 * a second time (`bash -c '…'`, `su -c`, `ssh host '…'`, `| sh`, `python -c`, `eval`) — such a value is refused
 * with UnsafeValueError. A value that would end a here-document early is refused too.
 */
export function substituteShell(command: string, list: Replacement[]): ShellSubstitution {
	const found = occurrences(command, list);
	if (found.length === 0) return {command, env: {}};
	const contexts = shellContexts(command, found.map((item) => item.offset));
	const env: Record<string, string> = {};
	const text = replaceAll(command, list, (item, offset) => {
		const context = contexts.get(offset) ?? {kind: 'code', reparsed: true};
		if (context.kind === 'heredoc' && item.value !== '' && context.delimiter.includes(item.value)) {
			throw new UnsafeValueError(item.name, `it would end the here-document (<<${context.delimiter}) early`);
		}

		if (isInertValue(item.value)) return item.value;
		if (context.reparsed) throw new UnsafeValueError(item.name, unsafeReason(context));
		const variable = parameterVariable(item.name);
		env[variable] = item.value;
		return reference(context, variable, item.value);
	});
	return {command: text, env};
}

function unsafeReason(context: ShellContext): string {
	return context.kind === 'arith'
		? 'it lands in arithmetic, which runs code in a value such as a[$(cmd)]'
		: 'the command hands it to a shell or interpreter a second time (bash -c, su -c, ssh, eval, | sh, python -c, sed, psql…), where no quoting holds';
}

function reference(context: ShellContext, variable: string, value: string): string {
	switch (context.kind) {
		case 'single': {
			return `'"\${${variable}}"'`;
		}

		case 'ansi': {
			return `'"\${${variable}}"$'`;
		}

		case 'double': {
			return `\${${variable}}`;
		}

		case 'param': {
			return context.quoted ? `\${${variable}}` : `"\${${variable}}"`;
		}

		case 'heredoc': {
			// A quoted delimiter: the body is not expanded, so the (one-line) value goes in as it is.
			return context.literal ? value : `\${${variable}}`;
		}

		default: {
			return `"\${${variable}}"`;
		}
	}
}

/** `'…'`-quotes `value` for display next to a command (`TS_PARAM_X='it'\''s'`). */
export function displayValue(value: string): string {
	return `'${escapeForSingleQuotes(value)}'`;
}
