import {Tokenizer, type Tokens} from 'marked';

// A line that no block rule of marked takes, wherever it stands, and after which the setext rule (`Title` over `===`)
// cannot start differently from the line before: conservatively, a line whose first character (after at most three
// spaces) is none of the marks of lists, code, fences, quotes, headings, HTML, tables, rules, underlines or link
// definitions, and that holds no `|`.
const plainLine = /^ {0,3}[^\s*+\-=#><|~`_\d:[][^|\n]*$/;

/**
 * marked's own tokenizer, linear inside list items and block quotes. There marked reads a paragraph one line at a time:
 * it tries the setext-heading rule at every line (which scans to the end of the paragraph each time) and appends each
 * line to the text read so far (which copies it each time). A step of a few thousand lines took seconds, a megabyte
 * minutes. Here a run of plain lines is read as one text, as marked would join it, and the setext rule is not tried
 * again on the paragraph where it already failed (the underline it would need is the same). The tokens are the same as
 * marked's (tested on every document and on generated ones).
 */
export class LinearTokenizer extends Tokenizer {
	// What is left to read after the last plain line and its line break (marked reads the break as a space token before
	// it tries the next line): its length, first and last characters.
	private rest?: {length: number; head: string; tail: string};
	// The lexer's rules.other with listItemRegex cached (a lexer sets the rules of its tokenizer when it is made).
	private cachingRules?: Tokenizer['rules']['other'];

	override text(src: string): Tokens.Text | undefined {
		const token = super.text(src);
		if (!token) return token;
		// A run goes on only from a plain line, and only with plain lines: it ends on a plain line exactly when it starts on one.
		const plain = plainLine.test(token.raw);
		const end = plain ? plainRunEnd(src, token.raw.length) : token.raw.length;
		this.rest = plain && src[end] === '\n' ? restAfter(src, end + 1) : undefined;
		if (end === token.raw.length) return token;
		const raw = src.slice(0, end);
		return {type: 'text', raw, text: raw, tokens: this.lexer.inline(raw)};
	}

	override list(src: string): Tokens.List | undefined {
		// marked builds the RegExp of a list's items anew for every list; a document of many short procedures has tens
		// of thousands of lists and only a few kinds of bullet. The other regexes of list items marked keeps itself.
		if (this.rules.other !== this.cachingRules) {
			const build = this.rules.other.listItemRegex;
			this.cachingRules = {...this.rules.other, listItemRegex: (bullet: string) => listItemRegex(bullet, build)};
			this.rules = {...this.rules, other: this.cachingRules};
		}

		return super.list(src);
	}

	override lheading(src: string): Tokens.Heading | undefined {
		const rest = this.rest;
		// Right after a plain line of the same text: the rule already failed on this paragraph.
		if (rest && src.length === rest.length && src.startsWith(rest.head) && src.endsWith(rest.tail)) return undefined;
		return super.lheading(src);
	}
}

// The RegExps of list items by bullet, as marked builds them (without g or y flags: exec keeps no state between lists).
const listItemRegexes = new Map<string, RegExp>();

/** marked's RegExp for the items of a list of `bullet`, built by `build` (marked's own) once per bullet. */
export function listItemRegex(bullet: string, build: (bullet: string) => RegExp): RegExp {
	let regex = listItemRegexes.get(bullet);
	if (regex === undefined) {
		regex = build(bullet);
		listItemRegexes.set(bullet, regex);
	}

	return regex;
}

// Where the run of plain lines that goes on from `end` (the end of a plain line) stops: before a blank line, the end of
// the text, or a line that is not plain.
function plainRunEnd(src: string, end: number): number {
	let stop = end;
	while (src[stop] === '\n') {
		const next = src.indexOf('\n', stop + 1);
		const lineEnd = next === -1 ? src.length : next;
		if (lineEnd === stop + 1 || !plainLine.test(src.slice(stop + 1, lineEnd))) break;
		stop = lineEnd;
	}

	return stop;
}

function restAfter(src: string, start: number): {length: number; head: string; tail: string} {
	return {length: src.length - start, head: src.slice(start, start + 64), tail: src.slice(-64)};
}
