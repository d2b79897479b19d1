// Reading a child's output from a FIFO by polling it, instead of the socket pair Node gives `stdio: 'pipe'`: a FIFO's
// buffer can be made large (1 MiB), and a reader that drains it every couple of milliseconds lets a command that
// floods write without ever waiting, while this process wakes up a few hundred times a second instead of once per
// 64 KiB. A step printing a gigabyte then costs about what writing it to a file costs (see bench/big-output.bench.js).
import {closeSync, constants, openSync, readSync} from 'node:fs';

/** Most bytes read at one wake-up: a large pipe's whole buffer (then the event loop gets its turn). */
const readPerWakeUp = 1024 * 1024;

/** Wait between reads while output flows into a large pipe: the pipe holds ~3 ms of a flood, so it never fills. */
const floodWaitMs = 2;

/** Longest wait between reads of a quiet pipe: the delay before a slow command's line shows. */
const idleWaitMs = 32;

/**
 * Reads go to a ring of slabs, reused in turn, so that a gigabyte flowing through allocates nothing: a chunk handed
 * out stays valid until (slabCount - 1) × slabBytes more have been read — more than anything downstream holds (the
 * last 1 MiB kept for the result, a sample's 256 KiB, one wake-up's reads).
 */
const slabBytes = 128 * 1024;
const slabCount = 16;

/** How long a chunk from readPipe stays valid: this many more bytes read and its memory is reused. */
export const chunkLifetimeBytes = (slabCount - 1) * slabBytes;

/** The two ends of a FIFO, opened (its name is removed by whoever made it, before any command runs). */
export interface OpenFifo {
	readFd: number;
	/** For the child; the parent closes it once the child is started, so the end of output is seen. */
	writeFd: number;
	/** Its buffer was enlarged to 1 MiB: the reader can wait a little between reads. */
	large: boolean;
}

/** Opens both ends of the FIFO at `path`, the read end first, so that neither open waits. */
export function openFifo(path: string): OpenFifo {
	const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		// Blocking for the child: a command writing to a non-blocking stdout would fail with EAGAIN.
		const writeFd = openSync(path, constants.O_WRONLY);
		return {readFd, writeFd, large: false};
	} catch (error) {
		closeSync(readFd);
		throw error;
	}
}

/** How a pipe is read. */
export interface PipeReaderOptions {
	/** Each read's bytes: a view of memory reused after `chunkLifetimeBytes` more (copy what must live longer). */
	onData: (chunk: Buffer) => void;
	/** After each wake-up that read something (a good moment to pass output on). */
	onReads?: () => void;
}

/** A pipe being read. */
export interface PipeReader {
	ended: Promise<void>;
	/** Stops reading now (what is still in the pipe is not read) and closes the read end. */
	stop: () => void;
	/** Looks at the pipe at once instead of at the next poll (the writer just exited: the end is there to see). */
	poke: () => void;
}

/** Reads a FIFO until every writer has closed it (`ended`) or `stop()` is called; the read end is then closed. */
export function readPipe(fifo: Pick<OpenFifo, 'readFd' | 'large'>, options: PipeReaderOptions): PipeReader {
	const slabs: Buffer[] = [Buffer.allocUnsafeSlow(slabBytes)];
	let current = 0;
	let used = 0;
	let wait = 1;
	let timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
	let done = false;
	let finish: () => void = () => undefined;
	const ended = new Promise<void>(resolve => {
		finish = resolve;
	});
	const cancel = () => {
		clearTimeout(timer as NodeJS.Timeout);
		clearImmediate(timer as NodeJS.Immediate);
	};

	const stop = () => {
		if (done) return;
		done = true;
		cancel();
		closeSync(fifo.readFd);
		finish();
	};

	// One wake-up: read what is there (up to readPerWakeUp), then decide when to look again.
	const wake = () => {
		timer = undefined;
		let read = 0;
		while (read < readPerWakeUp) {
			if (used === slabBytes) {
				current = (current + 1) % slabCount;
				slabs[current] ??= Buffer.allocUnsafeSlow(slabBytes);
				used = 0;
			}

			const slab = slabs[current]!;
			let count: number;
			try {
				count = readSync(fifo.readFd, slab, used, slabBytes - used, null);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
				// Nothing more can be read (the descriptor went bad): the output ends here.
				stop();
				return;
			}

			if (count === 0) {
				if (read > 0) options.onReads?.();
				stop();
				return;
			}

			options.onData(slab.subarray(used, used + count));
			used += count;
			read += count;
		}

		if (read > 0) options.onReads?.();
		if (read === 0) {
			wait = Math.min(wait * 2, idleWaitMs);
			timer = setTimeout(wake, wait);
		} else if (fifo.large) {
			wait = 1;
			timer = setTimeout(wake, floodWaitMs);
		} else {
			// A small pipe fills in a fraction of a millisecond: read again as soon as the event loop allows.
			wait = 1;
			timer = setImmediate(wake);
		}
	};

	const poke = () => {
		if (done || timer === undefined) return;
		cancel();
		wait = 1;
		timer = setImmediate(wake);
	};

	timer = setImmediate(wake);
	return {ended, stop, poke};
}
