/**
 * A bounded tail of a step's output for the running screen: O(1) per chunk of output whatever a step prints, so a
 * command writing a gigabyte costs the UI a fixed amount of memory. Lines are split from it only when the UI renders
 * (at a throttled rate), never once per line.
 */
import {TextTail} from '../domain/text-tail.js';

/** Longest line shown; longer lines are cut (a line of a gigabyte without newline must not be rendered whole). */
export const maxLineLength = 400;

/** The end of the output plus running totals. */
export class OutputTail {
	/** Most lines `last()` returns. */
	readonly capacity: number;
	/** Lines seen since the last reset. */
	count = 0;
	/** Characters seen since the last reset. */
	chars = 0;
	/** Bumped on every change: lets a timer know whether a render is due. */
	version = 0;
	private readonly text: TextTail;

	constructor(capacity = 200) {
		this.capacity = capacity;
		this.text = new TextTail(capacity * 200);
	}

	/** Adds a chunk of complete lines (each ending with a newline). */
	push(text: string): void {
		this.text.push(text);
		this.count += countLines(text);
		this.chars += text.length;
		this.version++;
	}

	/** The last `n` lines (at most the capacity), oldest first, each cut to `maxLineLength`. */
	last(n = this.capacity): string[] {
		return this.text.lines(Math.min(n, this.capacity)).map(line => (line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line));
	}

	/** Forgets everything (a new action or a retry). */
	reset(): void {
		this.text.clear();
		this.count = 0;
		this.chars = 0;
		this.version++;
	}
}

// Newlines counted with indexOf (no array of lines is made): the count is all the UI needs of most of the output.
function countLines(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
	return count;
}
