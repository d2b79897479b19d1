import {InputError} from '../types.js';

/** One `<!-- tomesh-setup: … -->` comment as written, before its directive is interpreted. */
export interface RawAnnotation {
	directive: string;
	/** The rest of the opening line after the directive, trimmed (without `-->`). */
	args: string;
	/** Lines between the opening line and `-->`, with the opening line's indentation removed. */
	body: string[];
	/** 1-based line of the opening `<!--`. */
	line: number;
}

/** A document's text with its annotation lines removed, and where each remaining line came from. */
export interface ScannedText {
	stripped: string;
	/** `lineMap[i]` = original 1-based line number of line `i + 1` of `stripped`. */
	lineMap: number[];
	annotations: RawAnnotation[];
}

const opener = /^([ \t]*)<!--\s*tomesh-setup\b(:?)\s*(.*)$/;

/**
 * Finds the annotation comments of a document (whole lines only) and removes exactly those lines.
 * Throws InputError `file:line` for an annotation that is never closed or has no directive.
 */
export function scanAnnotations(text: string, file = '<document>'): ScannedText {
	// A document without a comment keeps every line: no split and join of the whole text.
	if (!text.includes('<!--')) return {stripped: text, lineMap: lineNumbers(text), annotations: []};
	const lines = text.split('\n');
	const kept: string[] = [];
	const lineMap: number[] = [];
	const annotations: RawAnnotation[] = [];
	for (let index = 0; index < lines.length; index++) {
		// Most lines hold no comment at all: not worth a copy and a regular expression each.
		const match = lines[index]!.includes('<!--') ? opener.exec(lines[index]!.replace(/\r$/, '')) : null;
		if (!match) {
			kept.push(lines[index]!);
			lineMap.push(index + 1);
			continue;
		}

		const [, indent = '', colon, rest = ''] = match;
		const line = index + 1;
		if (!colon) throw new InputError("annotation needs a ':' after 'tomesh-setup'", `${file}:${line}`);
		const body: string[] = [];
		let head = rest;
		if (/-->\s*$/.test(head)) {
			head = head.replace(/\s*-->\s*$/, '');
		} else {
			let closed = false;
			while (++index < lines.length) {
				const bodyLine = lines[index]!.replace(/\r$/, '');
				const end = /^(.*?)\s*-->\s*$/.exec(bodyLine);
				const content = end ? end[1]! : bodyLine;
				if (!end || content.trim() !== '') body.push(dedent(content, indent));
				if (end) {
					closed = true;
					break;
				}
			}

			if (!closed) throw new InputError("annotation is not closed with '-->'", `${file}:${line}`);
		}

		const [directive = '', ...args] = head.trim().split(/\s+/);
		if (directive === '') throw new InputError('annotation has no directive', `${file}:${line}`);
		while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
		annotations.push({directive, args: head.trim().slice(directive.length).trim(), body, line});
	}

	// A file ending in a newline splits into a last empty line, which is kept, so the result ends the same way.
	return {stripped: kept.join('\n'), lineMap, annotations};
}

/** The document's text without its annotations, byte for byte what the author wrote around them. */
export function stripAnnotations(text: string): string {
	return scanAnnotations(text).stripped;
}

// 1, 2, … one a line of `text`.
function lineNumbers(text: string): number[] {
	const numbers = [1];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) numbers.push(numbers.length + 1);
	return numbers;
}

function dedent(line: string, indent: string): string {
	if (line.startsWith(indent)) return line.slice(indent.length);
	return line.replace(/^[ \t]+/, '');
}
