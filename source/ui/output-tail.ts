/**
 * A bounded tail of output lines: O(1) per line whatever a step prints, so a command writing a gigabyte costs
 * the UI a fixed amount of memory. The UI renders from it at a throttled rate, never once per line.
 */

/** Longest line kept; longer lines are cut (a line of a gigabyte without newline must not be kept whole). */
export const maxLineLength = 400;

/** Ring buffer of the last `capacity` lines plus running totals. */
export class OutputTail {
	readonly capacity: number;
	/** Lines seen since the last reset. */
	count = 0;
	/** Characters seen since the last reset. */
	chars = 0;
	/** Bumped on every change: lets a timer know whether a render is due. */
	version = 0;
	private readonly ring: string[];
	private next = 0;

	constructor(capacity = 200) {
		this.capacity = capacity;
		this.ring = Array.from({length: capacity});
	}

	/** Adds one line. */
	push(line: string): void {
		this.ring[this.next] = line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line;
		this.next = (this.next + 1) % this.capacity;
		this.count++;
		this.chars += line.length + 1;
		this.version++;
	}

	/** The last `n` lines (at most the capacity), oldest first. */
	last(n = this.capacity): string[] {
		const size = Math.min(n, this.count, this.capacity);
		const lines: string[] = [];
		for (let i = size; i > 0; i--) lines.push(this.ring[(this.next - i + this.capacity) % this.capacity]!);
		return lines;
	}

	/** Forgets everything (a new action or a retry). */
	reset(): void {
		this.ring.fill(undefined as unknown as string);
		this.next = 0;
		this.count = 0;
		this.chars = 0;
		this.version++;
	}
}
