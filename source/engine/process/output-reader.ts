// Reading a child's output. The pipe is a FIFO read through a socket that reuses one buffer for every read: a pipe
// from `stdio: 'pipe'` gets a new buffer per read, and a flood of a gigabyte left ~60 MiB of them to the garbage
// collector (the TUI's peak RSS went from ~76 MiB to ~140; see bench/big-output.bench.js). Bytes are copied into the
// OutputSampler's own buffer, so a flood allocates nothing but the pieces of text passed on.
import {closeSync, constants, openSync} from 'node:fs';
import net from 'node:net';
import {OutputSampler, type OutputSample} from '../../domain/output/output-sampler.js';
import {TextTail} from '../../domain/output/text-tail.js';

/** Most output kept per stream for ShellResult.stdout/stderr (characters): its end, what a failure shows. */
export const keptOutputBytes = 1024 * 1024;

/** The start of a stream's output always passed on in full (at least what the audit log keeps of it). */
export const fullHeadBytes = 512 * 1024;

/** How much of a flood's end is passed on at each take: what the audit log keeps of the end of an output. */
export const floodSampleBytes = 256 * 1024;

/** Past the head, output is passed on at most this often (ten screen updates a second; each piece is decoded). */
export const floodTakeEveryMs = 100;

/** One output stream of a child being read. */
export interface OutputReader {
	/** The FIFO's write end, for the child's stdio: close it (closeWriteEnd) once the child has its copy. */
	writeFd: number;
	closeWriteEnd: () => void;
	/** Resolves when every writer has closed the pipe, or at stop(). */
	ended: Promise<void>;
	/** Stops reading now: what is still in the pipe is not read. */
	stop: () => void;
	/** Passes on what is held, the last line finished; returns the end of the output (at least `keptOutputBytes`). */
	finish: () => string;
}

/**
 * Opens the FIFO at `file` (both ends; its name can go at once) and reads it: every read goes through an
 * OutputSampler, taken at once while in the head or when the last take is `floodTakeEveryMs` old, else a moment later.
 */
export function readFifo(file: string, onOutput: ((sample: OutputSample) => void) | undefined): OutputReader {
	const readFd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	// Blocking for the child: a command writing to a non-blocking stdout would fail with EAGAIN.
	const writeFd = openSync(file, constants.O_WRONLY);
	const sampler = new OutputSampler({headBytes: fullHeadBytes, sampleBytes: floodSampleBytes});
	const kept = new TextTail(keptOutputBytes);
	let lastTake = 0;
	let deferred: NodeJS.Timeout | undefined;
	const pass = (sample: OutputSample | undefined) => {
		if (!sample) return;
		kept.push(sample.text, sample.skipped);
		onOutput?.(sample);
	};

	const take = () => {
		clearTimeout(deferred);
		deferred = undefined;
		lastTake = Date.now();
		pass(sampler.take());
	};

	const buffer = Buffer.allocUnsafeSlow(64 * 1024);
	// `onread` is documented for the constructor since Node 20 (docs only; @types/node 20 lists it for connect()).
	const options: net.SocketConstructorOpts & {onread: net.OnReadOpts} = {fd: readFd, readable: true, writable: false, onread: {buffer, callback: read}};
	const socket = new net.Socket(options);
	function read(length: number): boolean {
		sampler.add(buffer.subarray(0, length));
		const wait = lastTake + floodTakeEveryMs - Date.now();
		if (!sampler.pastHead || wait <= 0) take();
		else deferred ??= setTimeout(take, wait);
		return true;
	}

	// A read error ends the output like the end of the pipe does.
	socket.on('error', () => undefined);
	const ended = new Promise<void>(resolve => socket.once('close', () => resolve()));
	return {
		writeFd,
		closeWriteEnd: () => closeSync(writeFd),
		ended,
		stop: () => socket.destroy(),
		finish() {
			clearTimeout(deferred);
			pass(sampler.end());
			return kept.text();
		},
	};
}
