import {InputError} from '../types.js';

/** How deep block quotes and lists may nest: far beyond any setup document, far below what the lexer's recursion survives. */
export const maxNesting = 64;

// The containers a line opens: `>` markers, list markers, and every two columns of indentation.
const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
// Every character of a prefix adds at most two levels (a tab is two levels of indentation), so a line that does not start
// with more than maxNesting / 2 prefix characters cannot be too deep and is not measured.
const deepEnough = new RegExp(`[ \\t>*+\\d.)-]{${maxNesting / 2 + 1}}`, 'y');

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
		deepEnough.lastIndex = start;
		// Only the start of a line can nest; a long line is not scanned past what could be a prefix.
		if (deepEnough.test(text) && depth(text.slice(start, Math.min(end, start + 4 * maxNesting + 64))) > maxNesting) {
			throw new InputError(`nested more than ${maxNesting} levels deep (block quotes or lists)`, `${path}:${lineOf(line)}`);
		}

		start = end + 1;
	}
}
