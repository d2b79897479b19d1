import type {Document, Scalar} from 'yaml';
import type {Action, EditOp} from '../types.js';
import {yamlLibrary} from './yaml-library.js';

/** A file change that cannot be made (file missing, key not found, bad pattern). The message names the file. */
export class FileChangeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FileChangeError';
	}
}

/** A write or edit action. */
export type FileAction = Extract<Action, {kind: 'write'} | {kind: 'edit'}>;

/**
 * The text a file has after `action`, given its text now (`undefined` when it does not exist). Pure: the same input
 * always gives the same output, and applying an action to its own result changes nothing (idempotent), which is what
 * makes re-running a step safe and what checks use to tell whether a change is in place.
 */
export function newText(oldText: string | undefined, action: FileAction): string {
	if (action.kind === 'write') return withFinalNewline(action.content);
	return applyEdit(oldText, action.edit, action.path);
}

/** Applies one edit operation; see EditOp for each operation's rules. */
export function applyEdit(oldText: string | undefined, edit: EditOp, path: string): string {
	switch (edit.op) {
		case 'append-line': {
			return appendLineOnce(oldText ?? '', edit.line);
		}

		case 'set-yaml': {
			if (oldText === undefined) throw new FileChangeError(`${path} does not exist (an earlier step creates it)`);
			return setYamlScalar(oldText, edit.key, edit.value, path);
		}

		case 'comment-and-insert': {
			if (oldText === undefined) throw new FileChangeError(`${path} does not exist`);
			return commentAndInsert(oldText, edit.match, edit.insert, path);
		}
	}
}

function withFinalNewline(text: string): string {
	return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

function appendLineOnce(text: string, line: string): string {
	const present = text.split('\n').some(existing => existing.trim() === line.trim());
	if (present) return text;
	const separator = text === '' || text.endsWith('\n') ? '' : '\n';
	return `${text}${separator}${line}\n`;
}

// Replaces only the characters of the scalar's source, so comments, quoting elsewhere and every other line are kept.
function setYamlScalar(text: string, key: string[], value: string, path: string): string {
	const {isMap, isScalar, parseDocument} = yamlLibrary();
	const document = parseDocument(text, {keepSourceTokens: true});
	if (document.errors.length > 0) {
		throw new FileChangeError(`${path} is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`);
	}

	const node = document.getIn(key, true) ?? (key.length === 1 ? uniqueNestedValue(document, key[0]!, path) : undefined);
	const dotted = key.join(':');
	if (node === undefined) {
		const parent = key.length === 1 ? document.contents : document.getIn(key.slice(0, -1), true);
		if (key.length === 1 && (parent === null || isMap(parent))) {
			// A top-level key that the file does not have yet is added at the end, as the operator would.
			return appendLineOnce(text, `${key[0]}: ${value}`);
		}

		throw new FileChangeError(`${path} has no key ${dotted}`);
	}

	if (!isScalar(node) || !node.range) throw new FileChangeError(`${path}: ${dotted} is not a single value`);
	const [start, end] = node.range;
	const source = scalarSource(value, node.type);
	if (text.slice(start, end) === source) return text;
	return text.slice(0, start) + source + text.slice(end);
}

// The new value written the way the file wrote the old one: `key: "value"` stays double-quoted, `'value'` single-
// quoted (the yaml library escapes what the quotes need), a plain scalar stays plain. A value the document itself
// quotes is taken as written.
function scalarSource(value: string, type: Scalar['type']): string {
	const {Scalar, stringify} = yamlLibrary();
	if (/^["']/.test(value.trim())) return value;
	if (type !== Scalar.QUOTE_DOUBLE && type !== Scalar.QUOTE_SINGLE) return value;
	const scalar = new Scalar(value);
	scalar.type = type;
	return stringify(scalar, {lineWidth: 0}).replace(/\n$/, '');
}

// Prose names a key without its parents ("changing `registration` to `True`"): when exactly one mapping in the
// file has that key, it is the one meant; two or more are ambiguous and the operator must say which.
function uniqueNestedValue(document: Document, name: string, path: string): unknown {
	const {isPair, isScalar, visit} = yamlLibrary();
	const found: Array<{value: unknown; where: string}> = [];
	visit(document, {
		Pair(_key, pair, ancestors) {
			if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === name) {
				const parents = ancestors.filter(isPair).map(parent => String(isScalar(parent.key) ? parent.key.value : '?'));
				found.push({value: pair.value, where: [...parents, name].join(':')});
			}
		},
	});
	if (found.length > 1) throw new FileChangeError(`${path} has ${name} in several places (${found.map(f => f.where).join(', ')}): say which`);
	return found[0]?.value;
}

function commentAndInsert(text: string, match: string, insert: string[], path: string): string {
	let pattern: RegExp;
	try {
		pattern = new RegExp(match);
	} catch {
		throw new FileChangeError(`${path}: bad pattern ${match}`);
	}

	const wanted = new Set(insert.map(line => line.trim()));
	const lines = text.split('\n');
	const isComment = (line: string) => line.trimStart().startsWith('#');
	// Lines that match but are exactly what we insert are ours (a previous run), not targets.
	const targets = lines.flatMap((line, index) =>
		!isComment(line) && pattern.test(line.trim()) && !wanted.has(line.trim()) ? [index] : [],
	);
	const present = new Set(lines.filter(line => !isComment(line)).map(line => line.trim()));
	const missing = insert.filter(line => !present.has(line.trim()));
	if (targets.length === 0 && missing.length === 0) return text;

	for (const index of targets) lines[index] = `#${lines[index]}`;
	const anchor = targets.at(-1) ?? lines.findLastIndex(line => pattern.test(line.replace(/^\s*#+/, '').trim()));
	const indent = anchor >= 0 ? /^#?(\s*)/.exec(lines[anchor]!)![1]! : '';
	const added = missing.map(line => (/^\s/.test(line) ? line : indent + line));
	if (anchor >= 0) lines.splice(anchor + 1, 0, ...added);
	else lines.splice(text.endsWith('\n') ? lines.length - 1 : lines.length, 0, ...added);
	return lines.join('\n');
}
