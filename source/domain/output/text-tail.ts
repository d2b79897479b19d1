/**
 * The end of a stream of output held as the chunks it arrived in, with running totals: O(1) per chunk however much a
 * command prints (a step writing a gigabyte costs a fixed amount of memory), split into lines only when someone asks
 * (a render, a save). Chunks are expected to hold complete lines (see OutputSampler), so dropping whole chunks from
 * the front never leaves half a line at the start.
 */
export class TextTail {
	/** Characters kept at least (when that much arrived); whole chunks are dropped from the front beyond it. */
	readonly capacity: number;
	/** Lines seen since the last clear (every line unless `thinned`). */
	count = 0;
	/** Bytes seen since the last clear, left-out ones included. */
	bytes = 0;
	/** Whether bytes were left out since the last clear (a flood, thinned by the engine). */
	thinned = false;
	private chunks: string[] = [];
	private kept = 0;

	constructor(capacity = 64 * 1024) {
		this.capacity = capacity;
	}

	/**
	 * Adds a chunk of complete lines (of a big one, only about its last `capacity` characters, from a line start).
	 * After a gap (`skipped` bytes left out before it: a thinned flood) the kept text restarts, so that its lines are
	 * always consecutive ones.
	 */
	push(text: string, skipped = 0): void {
		if (skipped > 0) {
			this.chunks = [];
			this.kept = 0;
			this.thinned = true;
			this.bytes += skipped;
		}

		if (text === '') return;
		this.bytes += Buffer.byteLength(text);
		// Newlines counted with indexOf (no array of lines is made): the count is all a screen needs of most output.
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.count++;
		const piece = endOf(text, this.capacity);
		this.chunks.push(piece);
		this.kept += piece.length;
		while (this.chunks.length > 1 && this.kept - this.chunks[0]!.length >= this.capacity) this.kept -= this.chunks.shift()!.length;
		// Many tiny chunks (a slow command printing line by line) are joined now and then so the array stays short.
		if (this.chunks.length > 256) this.chunks = [this.chunks.join('')];
	}

	/** The kept text, as it arrived. */
	text(): string {
		if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
		return this.chunks[0] ?? '';
	}

	/** The last `count` lines (without newlines, a trailing carriage return removed), oldest first. */
	lines(count: number): string[] {
		return count > 0 ? splitLines(this.text()).slice(-count) : [];
	}

	/** Forgets everything, totals included. */
	clear(): void {
		this.chunks = [];
		this.kept = 0;
		this.count = 0;
		this.bytes = 0;
		this.thinned = false;
	}
}

/** Splits output text into lines: no empty last line for a final newline, `\r` before a newline removed. */
export function splitLines(text: string): string[] {
	if (text === '') return [];
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines.map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

// About the last `chars` of `text` from a line start (its last line whole when that one alone is longer).
function endOf(text: string, chars: number): string {
	if (text.length <= chars) return text;
	const from = text.indexOf('\n', text.length - chars) + 1;
	return from > 0 && from < text.length ? text.slice(from) : text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
}
