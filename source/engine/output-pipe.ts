// Reading a child's output from a FIFO instead of the socket pair Node gives `stdio: 'pipe'`: a pipe's buffer can be
// made large, which lets the reader wake up a few hundred times a second instead of once per 4 KiB write. A step
// printing a gigabyte then costs this process a fraction of a core (see bench/big-output.bench.js).
import {closeSync, constants, openSync, unlinkSync} from 'node:fs';
import net from 'node:net';
import {keepYoungGenerationSmall} from './young-generation.js';

/** Output after which a stream's pipe is enlarged (a command that prints little never pays for it). */
export const enlargeAfterBytes = 4 * 1024 * 1024;

/** A read that returns less than this drained the pipe: while output floods in, the reader then waits a moment. */
const fullRead = 64 * 1024;

/** The two ends of a FIFO, opened; its name is already removed (nothing is left behind, even after a kill -9). */
export interface OpenFifo {
	readFd: number;
	/** For the child; the parent closes it once the child is started, so the end of output is seen. */
	writeFd: number;
}

/** Opens both ends of the FIFO at `path` (the read end first, so neither open waits) and removes its name. */
export function openFifo(path: string): OpenFifo {
	const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		// Blocking for the child: a command writing to a non-blocking stdout would fail with EAGAIN.
		const writeFd = openSync(path, constants.O_WRONLY);
		return {readFd, writeFd};
	} catch (error) {
		closeSync(readFd);
		throw error;
	} finally {
		unlinkSync(path);
	}
}

/** How a pipe is read. */
export interface PipeReaderOptions {
	onData: (chunk: Buffer) => void;
	/** Asked once when output passes `enlargeAfterBytes`: make the pipe's buffer large; resolves true when it did. */
	enlarge?: (readFd: number) => Promise<boolean>;
}

/** Reads a FIFO until every writer has closed it (`ended`) or `stop()` is called. */
export function readPipe(fifo: OpenFifo, options: PipeReaderOptions): {ended: Promise<void>; stop: () => void} {
	const socket = new net.Socket({fd: fifo.readFd, readable: true, writable: false});
	let bytes = 0;
	let large = false;
	let asked = false;
	let timer: NodeJS.Timeout | undefined;
	socket.on('data', (chunk: Buffer) => {
		bytes += chunk.length;
		options.onData(chunk);
		if (!asked && bytes >= enlargeAfterBytes && options.enlarge) {
			asked = true;
			keepYoungGenerationSmall();
			void options.enlarge(fifo.readFd).then(
				ok => {
					large = ok;
				},
				() => undefined,
			);
		}

		// Only with a large buffer: a 64 KiB pipe fills in a fraction of a millisecond and the writer would wait.
		if (large && chunk.length < fullRead && timer === undefined) {
			socket.pause();
			timer = setTimeout(() => {
				timer = undefined;
				socket.resume();
			}, 1);
		}
	});
	const ended = new Promise<void>(resolve => {
		socket.once('close', () => {
			clearTimeout(timer);
			resolve();
		});
		socket.once('error', () => socket.destroy());
		socket.once('end', () => socket.destroy());
	});
	return {
		ended,
		stop() {
			clearTimeout(timer);
			socket.destroy();
		},
	};
}
