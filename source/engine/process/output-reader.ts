// Reading a child's output. Each stream is a FIFO read through a socket that reuses one buffer for every read: a pipe
// from `stdio: 'pipe'` gets a new buffer per read, and a flood of a gigabyte left ~60 MiB of them to the garbage
// collector (see bench/big-output.bench.js). Bytes are copied into the OutputSampler's own buffer, so a flood
// allocates nothing but the pieces of text passed on.
import {closeSync, constants, openSync} from 'node:fs';
import net from 'node:net';
import {OutputSampler, type OutputSample} from '../../domain/output/output-sampler.js';

/** The start of a stream's output always passed on in full (at least what the audit log keeps of it). */
export const fullHeadBytes = 512 * 1024;

// How much of a flood's end is passed on at each take: what the audit log keeps of the end of an output.
const floodSampleBytes = 256 * 1024;

// Past the head, output is passed on at most this often (as often as the running screen redraws it).
const floodTakeEveryMs = 250;

/** One output stream of a child being read. */
export interface OutputReader {
	/** The FIFO's write end, for the child's stdio: close it once the child has its copy. */
	writeFd: number;
	/** Resolves when every writer has closed the pipe, or at stop(), once what was held has been passed on. */
	ended: Promise<void>;
	/** Stops reading now: what is still in the pipe is not read. */
	stop: () => void;
}

/**
 * Opens the FIFO at `file` (both ends; its name can go at once) and passes what it reads to `onOutput` through an
 * OutputSampler: taken at once while in the head, and past it `floodTakeEveryMs` after the first read since the last
 * take.
 */
export function readFifo(file: string, onOutput: (sample: OutputSample) => void): OutputReader {
	const readFd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	// Blocking for the child: a command writing to a non-blocking stdout would fail with EAGAIN.
	const writeFd = openSync(file, constants.O_WRONLY);
	const sampler = new OutputSampler(fullHeadBytes, floodSampleBytes);
	let deferred: NodeJS.Timeout | undefined;
	const pass = (sample: OutputSample | undefined) => {
		clearTimeout(deferred);
		deferred = undefined;
		if (sample) onOutput(sample);
	};

	const take = () => pass(sampler.take());
	const buffer = Buffer.allocUnsafeSlow(64 * 1024);
	// `onread` is documented for the constructor since Node 20 (docs only; @types/node 20 lists it for connect()).
	const options: net.SocketConstructorOpts & {onread: net.OnReadOpts} = {fd: readFd, readable: true, writable: false, onread: {buffer, callback: read}};
	const socket = new net.Socket(options);
	function read(length: number): boolean {
		sampler.add(buffer.subarray(0, length));
		if (!sampler.pastHead) take();
		else deferred ??= setTimeout(take, floodTakeEveryMs);
		return true;
	}

	// A read error ends the output like the end of the pipe does.
	socket.on('error', () => undefined);
	const ended = new Promise<void>(resolve =>
		socket.once('close', () => {
			pass(sampler.end());
			resolve();
		}),
	);
	return {writeFd, ended, stop: () => socket.destroy()};
}
