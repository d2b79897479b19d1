/**
 * A bounded tail of a step's output for the running screen: O(1) per chunk of output whatever a step prints, so a
 * command writing a gigabyte costs the UI a fixed amount of memory. Lines are split from it only when the UI renders
 * (at a throttled rate), never once per line.
 */
import {TextTail} from '../domain/output/text-tail.js';

/** Longest line shown; longer lines are cut (a line of a gigabyte without newline must not be rendered whole). */
export const maxLineLength = 400;

/** The end of the output plus running totals. */
export class OutputTail {
	/** Most lines `last()` returns. */
	readonly capacity: number;
	/** Lines seen since the last reset. */
	count = 0;
	/** Bytes of output since the last reset, left-out ones included. */
	bytes = 0;
	/** Whether part of the output was left out (a flood, thinned by the engine): `count` is then not every line. */
	thinned = false;
	private readonly text: TextTail;

	constructor(capacity = 200) {
		this.capacity = capacity;
		this.text = new TextTail(capacity * 200);
	}

	/** Adds a chunk of complete lines (each ending with a newline), after `skipped` bytes left out. */
	push(text: string, skipped = 0): void {
		this.thinned ||= skipped > 0;
		// After a gap nothing from before it is shown (TextTail restarts).
		this.text.push(text, skipped);
		// Newlines counted with indexOf (no array of lines is made): the count is all the UI needs of most of the output.
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.count++;
		this.bytes += skipped + Buffer.byteLength(text);
	}

	/** The last `n` lines (at most the capacity), oldest first, each cut to `maxLineLength`. */
	last(n = this.capacity): string[] {
		return this.text.lines(Math.min(n, this.capacity)).map(line => (line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line));
	}

	/** Forgets everything (a new action or a retry). */
	reset(): void {
		this.text.clear();
		this.count = 0;
		this.bytes = 0;
		this.thinned = false;
	}
}
