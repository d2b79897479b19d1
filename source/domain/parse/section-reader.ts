import type {Token, Tokens} from 'marked';
import {lineCount, StepBuilder} from './step-builder.js';

/** A `##` component or `###` procedure of a document, with its steps. */
export interface Section {
	title: string;
	group: string;
	line: number;
	steps: StepBuilder[];
	/** Blocks of a section that has no numbered list: they form one step. */
	loose: Array<{token: Token; line: number}>;
}

/**
 * Splits a document into sections (`##` components, `###` procedures) and their steps, one top-level token at a time
 * in document order, so that a token can be dropped once read. `toLine` maps a line of the annotation-free text to the
 * document's line.
 */
export class SectionReader {
	/** The document's `#` title ('' until one is read). */
	title = '';
	readonly sections: Section[] = [];
	private group = '';
	private section: Section | undefined;
	private line = 1;

	constructor(private readonly toLine: (line: number) => number) {}

	/** Reads the next top-level token. */
	read(token: Token): void {
		const {line, toLine} = this;
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			const text = heading.text.trim();
			if (heading.depth === 1 && this.title === '') {
				this.title = text;
			} else {
				if (heading.depth <= 2) this.group = text;
				this.section = {title: text, group: heading.depth <= 2 ? '' : this.group, line: toLine(line), steps: [], loose: []};
				this.sections.push(this.section);
			}
		} else if (token.type === 'list' && (token as Tokens.List).ordered) {
			const section = this.current();
			let itemLine = line;
			for (const item of (token as Tokens.List).items) {
				const builder = new StepBuilder(toLine(itemLine), toLine);
				builder.add(item.tokens, itemLine, item.raw);
				section.steps.push(builder);
				itemLine += lineCount(item.raw);
			}
		} else if (this.section?.steps.length) {
			// A block at column 0 after a step (the seed's config.json) still belongs to that step.
			if (token.type === 'code' || token.type === 'blockquote') this.section.steps.at(-1)!.add([token], line, token.raw);
		} else if (token.type !== 'space' && token.type !== 'hr') {
			this.current().loose.push({token, line});
		}

		this.line += lineCount(token.raw);
	}

	// The section being read; before any heading, one named after the document's title.
	private current(): Section {
		if (this.section === undefined) {
			this.section = {title: this.title || 'Setup', group: '', line: this.toLine(this.line), steps: [], loose: []};
			this.sections.push(this.section);
		}

		return this.section;
	}
}
