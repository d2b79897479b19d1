import {InputError} from '../types.js';

/** How deep block quotes and lists may nest: far beyond any setup document, far below what the lexer's recursion survives. */
export const maxNesting = 64;

// The containers a line opens: `>` markers, list markers, and every two columns of indentation.
const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

function depth(line: string): number {
	const prefix = containerPrefix.exec(line)?.[0] ?? '';
	const markers = prefix.replaceAll(/[ \t\d]/g, '').length;
	const indent = /^[ \t]*/.exec(line.slice(prefix.length))![0].replaceAll('\t', '    ').length + prefix.replaceAll(/[^ \t]/g, '').replaceAll('\t', '    ').length;
	return markers + Math.floor(indent / 2);
}

/**
 * Refuses a document nested deeper than `maxNesting` (block quotes in block quotes, lists in lists) before it reaches
 * the markdown lexer, whose recursion would overflow the stack or take quadratic time. Throws InputError `file:line`.
 * Linear in the length of the text.
 */
export function checkNesting(text: string, path: string, lineOf: (line: number) => number = (line) => line): void {
	let start = 0;
	for (let line = 1; start <= text.length; line++) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		// Only the start of a line can nest; a long line is not scanned past what could be a prefix.
		if (depth(text.slice(start, Math.min(end, start + 4 * maxNesting + 64))) > maxNesting) {
			throw new InputError(`nested more than ${maxNesting} levels deep (block quotes or lists)`, `${path}:${lineOf(line)}`);
		}

		start = end + 1;
	}
}
