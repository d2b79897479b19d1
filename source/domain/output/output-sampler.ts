/** A piece of output passed on: complete lines, after `skipped` bytes that were left out since the previous piece. */
export interface OutputSample {
	text: string;
	skipped: number;
}

/** How an OutputSampler thins a flood. */
export interface OutputSamplerOptions {
	/** The start of the output passed on in full, whatever its rate (the audit log keeps it). */
	headBytes: number;
	/** What is left of a flood at each take: about this many bytes from its end, from a line start. */
	sampleBytes: number;
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
	private readonly options: OutputSamplerOptions;
	private chunks: Buffer[] = [];
	private held = 0;
	/** Bytes dropped from the front of the held chunks since the last take. */
	private dropped = 0;
	/** Bytes passed on or skipped so far. */
	private position = 0;

	constructor(options: OutputSamplerOptions) {
		this.options = options;
	}

	/** Bytes waiting for the next take. */
	get pending(): number {
		return this.held;
	}

	/** Whether the start of the output, always passed on in full, has been taken. */
	get pastHead(): boolean {
		return this.position >= this.options.headBytes;
	}

	/** Adds a chunk as read. Past the head, only about `sampleBytes` of the end are held: the rest is counted, not kept. */
	add(chunk: Buffer): void {
		this.chunks.push(chunk);
		this.held += chunk.length;
		while (this.pastHead && this.chunks.length > 1 && this.held - this.chunks[0]!.length >= this.options.sampleBytes) {
			const first = this.chunks.shift()!;
			this.held -= first.length;
			this.dropped += first.length;
		}
	}

	/** The complete lines that arrived since the previous take, thinned as described above; undefined when none. */
	take(): OutputSample | undefined {
		let data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.held);
		let skipped = this.dropped;
		if (this.pastHead && (skipped > 0 || data.length > this.options.sampleBytes)) {
			const start = sampleStart(data, Math.max(0, data.length - this.options.sampleBytes));
			skipped += start;
			data = data.subarray(start);
		}

		let end = data.lastIndexOf(10) + 1;
		const cut = end === 0 && data.length >= maxPendingLine;
		if (cut) end = completeCharactersEnd(data);
		const rest = data.subarray(end);
		this.chunks = rest.length > 0 ? [rest] : [];
		this.held = rest.length;
		this.dropped = 0;
		this.position += skipped + end;
		const text = data.toString('utf8', 0, end) + (cut ? '\n' : '');
		return text === '' && skipped === 0 ? undefined : {text, skipped};
	}

	/** The end of the stream: what is held, the last line finished with a newline. */
	end(): OutputSample | undefined {
		const last = this.take();
		const rest = this.chunks[0]?.toString('utf8') ?? '';
		this.chunks = [];
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
