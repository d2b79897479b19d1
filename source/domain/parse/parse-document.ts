import {getDefaults, Lexer, type Token} from 'marked';
import {interpretAnnotation, type Directive} from './annotations.js';
import {detectParameters} from './detect-parameters.js';
import {derivedFrom} from '../params/parameters.js';
import {slug} from './slug.js';
import {type Section, SectionReader} from './section-reader.js';
import {StepBuilder} from './step-builder.js';
import {scanAnnotations} from './strip-annotations.js';
import {checkNesting} from './nesting-guard.js';
import {LinearTokenizer} from './linear-tokenizer.js';
import {TokenStream} from './token-stream.js';
import {InputError, type Parameter, type Runbook, type SetupDocument} from '../types.js';

/** Hands each step annotation to the step it sits in; returns the document-level ones (parameters). */
function assign(directives: Directive[], all: Section[], file: string): Directive[] {
	const documentLevel: Directive[] = [];
	for (const directive of directives) {
		if (directive.kind === 'param' || directive.kind === 'about') {
			documentLevel.push(directive);
			continue;
		}

		// Binary search (sections and steps are in line order): a document of many annotated steps stays linear.
		const section = lastBefore(all, directive.line);
		const step = section && lastBefore(section.steps, directive.line);
		if (!step) throw new InputError(`'${directive.kind}' annotation must be inside a numbered step`, `${file}:${directive.line}`);
		step.directives.push(directive);
	}

	return documentLevel;
}

// The last item (of items in ascending line order) that starts before `line`.
function lastBefore<T extends {line: number}>(items: T[], line: number): T | undefined {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (items[middle]!.line < line) low = middle + 1;
		else high = middle;
	}

	return low === 0 ? undefined : items[low - 1];
}

// Block tokens only: the parser reads a paragraph's raw text itself, and marked's inline lexer is quadratic on runs
// of `!` (a megabyte of them: minutes). Each top-level token goes to `read` as soon as marked is done with it.
// A paragraph of megabytes without a blank line overflows the lexer's regular-expression stack: refused at its line.
function readBlockTokens(text: string, path: string, toLine: (line: number) => number, read: (token: Token) => void): void {
	const lexer = new Lexer({...getDefaults(), tokenizer: new LinearTokenizer()});
	const tokens = new TokenStream(read, lexer);
	try {
		lexer.blockTokens(text.replaceAll(/\r\n?/g, '\n'), tokens);
		tokens.end();
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		const {line, length} = longestParagraph(text);
		throw new InputError(`a paragraph of ${(length / 1024 / 1024).toFixed(1)} MB without a blank line is too long to read`, `${path}:${toLine(line)}`);
	}
}

// The first line and the length of the longest run of non-blank lines.
function longestParagraph(text: string): {line: number; length: number} {
	let best = {line: 1, length: 0};
	let current = {line: 1, length: 0};
	for (const [index, line] of text.split('\n').entries()) {
		if (line.trim() === '') {
			current = {line: index + 2, length: 0};
			continue;
		}

		current.length += line.length + 1;
		if (current.length > best.length) best = current;
	}

	return best;
}

/**
 * Parses a setup document (its text and the path used in messages) into runbooks, steps, actions, checks and
 * parameters. Pure: no I/O. Throws InputError `file:line: …` for a bad annotation or a document without steps.
 */
export function parseDocument(text: string, path: string): SetupDocument {
	const scanned = scanAnnotations(text, path);
	const toLine = (line: number) => scanned.lineMap[line - 1] ?? line;
	checkNesting(scanned.stripped, path, toLine);
	const reader = new SectionReader(toLine);
	readBlockTokens(scanned.stripped, path, toLine, token => reader.read(token));
	const {title, sections: all} = reader;
	for (const section of all) {
		if (section.steps.length > 0 || !section.loose.some(({token}) => token.type === 'code')) continue;
		const builder = new StepBuilder(toLine(section.loose[0]!.line), toLine, section.title);
		for (const {token, line} of section.loose) builder.add([token], line, token.raw);
		section.steps.push(builder);
	}

	const directives = scanned.annotations.map((annotation) => interpretAnnotation(annotation, path));
	const params = assign(directives, all, path);
	const runbooks: Runbook[] = [];
	const used = new Map<string, number>();
	for (const section of all.filter((candidate) => candidate.steps.length > 0)) {
		let id = section.group ? `${slug(section.group)}.${slug(section.title)}` : slug(section.title);
		const seen = (used.get(id) ?? 0) + 1;
		used.set(id, seen);
		if (seen > 1) id = `${id}-${seen}`;
		const steps = section.steps.map((builder, index) => builder.build(`${id}/${index + 1}`, index + 1, path, section.title));
		runbooks.push({id, title: section.title, group: section.group, line: section.line, steps});
	}

	if (runbooks.length === 0) throw new InputError('no steps found (expected numbered lists under ## or ### headings)', `${path}:1`);
	const document: SetupDocument = {path, title: title || path, parameters: [], runbooks};
	for (const about of params) {
		if (about.kind !== 'about') continue;
		if (about.targets) document.targets = about.targets;
		if (about.writtenFor) document.writtenFor = about.writtenFor;
		if (about.supersededBy) document.supersededBy = about.supersededBy;
	}

	const declared = params.filter((directive) => directive.kind === 'param').map((directive) => parameterOf(directive, text, path));
	// Declaring some parameters does not switch off the detection of the placeholders nobody declared (ADMIN_PASSWORD).
	const literals = new Set(declared.map((parameter) => parameter.literal));
	const detected = detectParameters(document).filter((parameter) => declared.length === 0 || (parameter.default === undefined && !literals.has(parameter.literal)));
	document.parameters = [...declared, ...detected.filter((parameter) => !declared.some((other) => other.name === parameter.name))];
	const names = new Set<string>();
	for (const parameter of document.parameters) {
		if (names.has(parameter.name.toLowerCase())) throw new InputError(`parameter '${parameter.name}' is declared twice`, `${path}:${parameter.line}`);
		const unknown = derivedFrom(parameter).find((reference) => !document.parameters.some((other) => other.name === reference && other.line < parameter.line));
		if (unknown) throw new InputError(`param ${parameter.name}: default refers to {${unknown}}, which is not a parameter declared above it`, `${path}:${parameter.line}`);
		names.add(parameter.name.toLowerCase());
	}

	return document;
}

function parameterOf(directive: Directive, text: string, path: string): Parameter {
	if (directive.kind !== 'param') throw new Error('not a parameter');
	// The declaration itself names the literal once; a literal used nowhere else is a typo.
	if (text.split(directive.literal).length < 3) throw new InputError(`param ${directive.name}: '${directive.literal}' does not occur in the document`, `${path}:${directive.line}`);
	const {name, literal, type, prompt, line} = directive;
	// `default=matrix.{domain}` derives the default from other parameters; the literal stays the document's own value.
	const derive = directive.default !== undefined && /\{[\w-]+\}/.test(directive.default) ? directive.default : undefined;
	// `default=` (empty) marks a placeholder that must be asked.
	const fallback = directive.default === undefined || derive ? literal : directive.default || undefined;
	return {name, literal, type, ...(fallback === undefined ? {} : {default: fallback}), ...(derive ? {derive} : {}), ...(prompt ? {prompt} : {}), line};
}
