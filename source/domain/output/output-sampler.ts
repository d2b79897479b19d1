/** A piece of output passed on: complete lines, after `skipped` bytes that were left out since the previous piece. */
export interface OutputSample {
	text: string;
	skipped: number;
}

/** Longest piece of a line held back waiting for its newline; a longer line is passed on in pieces of about this size. */
export const maxPendingLine = 64 * 1024;

/**
 * Turns the raw bytes of one output stream into text for people, a chunk of complete lines at a time, without
 * decoding a flood byte by byte. Nobody reads the middle of a gigabyte: the screen shows the last lines, the audit log
 * the first and the last 256 KiB, a failure the last 200 lines. So the first `headBytes` are passed on in full; after
 * that, whatever arrived since the previous take is passed on whole when it is small, and when it is more than
 * `sampleBytes` only its end is, from a line start, with the count of bytes left out. Only about `sampleBytes` are
 * held past the head. Every byte is accounted for: the texts' UTF-8 lengths plus the skipped counts add up to the
 * bytes added (for UTF-8 output; plus the newlines given to an unfinished last line and to the pieces of an endless one).
 */
export class OutputSampler {
	/** The bytes held for the next take, at the start of a buffer reused from take to take (a flood allocates nothing). */
	private window = Buffer.alloc(0);
	private held = 0;
	/** Bytes dropped from the front of the held bytes since the last take. */
	private dropped = 0;
	/** Bytes passed on or skipped so far. */
	private position = 0;

	/**
	 * @param headBytes The start of the output passed on in full, whatever its rate (the audit log keeps it).
	 * @param sampleBytes What is left of a flood at each take: about this many bytes from its end, from a line start.
	 */
	constructor(
		private readonly headBytes: number,
		private readonly sampleBytes: number,
	) {}

	/** Bytes waiting for the next take. */
	get pending(): number {
		return this.held;
	}

	/** Whether the start of the output, always passed on in full, has been taken. */
	get pastHead(): boolean {
		return this.position >= this.headBytes;
	}

	/** Adds (copies) a chunk as read. Past the head, only about `sampleBytes` of the end are held: the rest is counted. */
	add(chunk: Uint8Array): void {
		if (this.pastHead && this.held + chunk.length > this.sampleBytes) {
			const keep = Math.max(0, this.sampleBytes - chunk.length);
			this.window.copyWithin(0, this.held - keep, this.held);
			this.dropped += this.held - keep;
			this.held = keep;
		}

		if (this.held + chunk.length > this.window.length) {
			const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.window.length, this.held + chunk.length, 64 * 1024));
			this.window.copy(larger, 0, 0, this.held);
			this.window = larger;
		}

		this.window.set(chunk, this.held);
		this.held += chunk.length;
	}

	/** The complete lines that arrived since the previous take, thinned as described above; undefined when none. */
	take(): OutputSample | undefined {
		let start = 0;
		let skipped = this.dropped;
		if (this.pastHead && (skipped > 0 || this.held > this.sampleBytes)) {
			start = sampleStart(this.window.subarray(0, this.held), Math.max(0, this.held - this.sampleBytes));
			skipped += start;
		}

		// (A negative offset would search from the end of the buffer, past the held bytes.)
		let end = this.held === 0 ? 0 : this.window.lastIndexOf(10, this.held - 1) + 1;
		const cut = end <= start && this.held - start >= maxPendingLine;
		if (end <= start) end = cut ? completeCharactersEnd(this.window.subarray(0, this.held)) : start;
		const text = this.window.toString('utf8', start, end) + (cut ? '\n' : '');
		this.window.copyWithin(0, end, this.held);
		this.held -= end;
		this.dropped = 0;
		this.position += end - start + skipped;
		return text === '' && skipped === 0 ? undefined : {text, skipped};
	}

	/** The end of the stream: what is held, the last line finished with a newline. */
	end(): OutputSample | undefined {
		const last = this.take();
		const rest = this.window.toString('utf8', 0, this.held);
		this.held = 0;
		if (rest === '') return last;
		return {text: `${last?.text ?? ''}${rest}\n`, skipped: last?.skipped ?? 0};
	}
}

// Where a sample of `data` starts: after the first newline at or past `from`, or (one endless line) at the first
// character boundary past it, so that the text never begins with half a line or half a character.
function sampleStart(data: Buffer, from: number): number {
	const newline = data.indexOf(10, from);
	if (newline !== -1 && newline + 1 < data.length) return newline + 1;
	return characterStart(data, from);
}

// The start of the UTF-8 character at `at` (at most three continuation bytes back: output need not be UTF-8).
function characterStart(data: Buffer, at: number): number {
	let start = at;
	while (start > 0 && at - start < 3 && (data[start]! & 0xc0) === 0x80) start--;
	return start;
}

// Where the complete characters of `data` end: a multi-byte character cut by the end of a read waits for its rest.
function completeCharactersEnd(data: Buffer): number {
	const start = characterStart(data, data.length - 1);
	const lead = data[start]!;
	const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	return start + length > data.length ? start : data.length;
}
