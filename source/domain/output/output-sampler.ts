import {CompleteLines} from './complete-lines.js';

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

/**
 * Turns the raw bytes of one output stream into text for people, without decoding a flood byte by byte. Nobody reads
 * the middle of a gigabyte: the screen shows the last lines, the audit log the first and the last 256 KiB, a failure
 * the last 200 lines. So the first `headBytes` are passed on in full; after that, whatever arrived since the previous
 * take is passed on whole when it is small, and when it is more than `sampleBytes` only its end is, from a line
 * start, with the count of bytes left out. Every byte is accounted for: the texts' UTF-8 lengths plus the skipped
 * counts add up to the bytes added (for UTF-8 output; plus the newlines given to an unfinished last line and to
 * the pieces of an endless one, see CompleteLines).
 */
export class OutputSampler {
	private readonly options: OutputSamplerOptions;
	private chunks: Buffer[] = [];
	private pendingBytes = 0;
	/** Bytes dropped from the front of the pending chunks (a flood between two takes). */
	private dropped = 0;
	/** Bytes taken (passed on or skipped) so far. */
	private position = 0;
	/** The bytes of a character cut by the end of the last take. */
	private carry = Buffer.alloc(0);
	private readonly lines = new CompleteLines();

	constructor(options: OutputSamplerOptions) {
		this.options = options;
	}

	/** Bytes waiting for the next take. */
	get pending(): number {
		return this.pendingBytes;
	}

	/** Whether the start of the output, always passed on in full, has been taken. */
	get pastHead(): boolean {
		return this.position >= this.options.headBytes;
	}

	/** Adds a chunk as read. Past the head, only about `sampleBytes` of the end are held: the rest is counted, not kept. */
	add(chunk: Buffer): void {
		if (chunk.length === 0) return;
		this.chunks.push(chunk);
		this.pendingBytes += chunk.length;
		if (!this.pastHead) return;
		while (this.chunks.length > 1 && this.pendingBytes - this.chunks[0]!.length >= this.options.sampleBytes) {
			const first = this.chunks.shift()!;
			this.pendingBytes -= first.length;
			this.dropped += first.length;
		}
	}

	/** What arrived since the previous take, thinned as described above; undefined when there is nothing to pass on. */
	take(): OutputSample | undefined {
		if (this.pendingBytes === 0 && this.dropped === 0) return undefined;
		let data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.pendingBytes);
		this.chunks = [];
		this.pendingBytes = 0;
		let skipped = this.dropped;
		this.dropped = 0;
		if (this.pastHead && (skipped > 0 || data.length > this.options.sampleBytes)) {
			const start = sampleStart(data, Math.max(0, data.length - this.options.sampleBytes));
			skipped += start;
			data = data.subarray(start);
		}

		this.position += skipped + data.length;
		if (skipped > 0) {
			// The character and the line in progress were read before but never passed on: they are left out too.
			const line = this.lines.flush();
			skipped += this.carry.length + Math.max(0, Buffer.byteLength(line) - 1);
		} else if (this.carry.length > 0) {
			data = Buffer.concat([this.carry, data]);
		}

		const end = completeCharactersEnd(data);
		this.carry = Buffer.from(data.subarray(end));
		let text = '';
		this.lines.push(data.toString('utf8', 0, end), piece => {
			text += piece;
		});
		return text === '' && skipped === 0 ? undefined : {text, skipped};
	}

	/** The end of the stream: what is pending, with the last line finished. */
	end(): OutputSample | undefined {
		const last = this.take();
		const line = this.lines.flush().replace(/\n$/, '') + this.carry.toString('utf8');
		const rest = line === '' ? '' : `${line}\n`;
		this.carry = Buffer.alloc(0);
		if (rest === '') return last;
		return {text: (last?.text ?? '') + rest, skipped: last?.skipped ?? 0};
	}
}

// Where a sample of `data` starts: after the first newline at or past `from`, or (one endless line) at the first
// character boundary past it, so that the text never begins with half a line or half a character.
function sampleStart(data: Buffer, from: number): number {
	const newline = data.indexOf(10, from);
	if (newline !== -1 && newline + 1 < data.length) return newline + 1;
	let start = from;
	while (start < data.length && (data[start]! & 0xc0) === 0x80) start++;
	return start;
}

// Where the complete characters of `data` end: a multi-byte character cut by the end of a read waits for its rest.
function completeCharactersEnd(data: Buffer): number {
	for (let back = 1; back <= Math.min(4, data.length); back++) {
		const byte = data[data.length - back]!;
		if ((byte & 0xc0) === 0x80) continue;
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return length > back ? data.length - back : data.length;
	}

	return data.length;
}
