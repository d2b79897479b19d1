import {OutputSampler} from '../../domain/output/output-sampler.js';
import {readPipe, type OpenFifo} from './output-pipe.js';
import {keepYoungGenerationSmall} from './young-generation.js';

/** Most output kept per stream for ShellResult.stdout/stderr: the end of the output, which is what checks read. */
export const keptOutputBytes = 1024 * 1024;

/** The start of a stream's output always passed on in full (at least what the audit log keeps of it). */
export const fullHeadBytes = 512 * 1024;

/** How much of a flood's end is passed on at each take: what the audit log keeps of the end of an output. */
export const floodSampleBytes = 256 * 1024;

/** While a stream floods, output is passed on at most this often (ten screen updates a second; each piece is decoded). */
export const floodTakeEveryMs = 100;

/** Receives output: complete lines, after `skipped` bytes left out since the previous call (a flood). */
export type OutputListener = (text: string, skipped: number) => void;

/** A stream being read: `ended` when it is over (and everything was passed on), `kept()` its last bytes. */
export interface StreamReader {
	ended: Promise<void>;
	stop: () => void;
	/** The command exited: look for the end of its output now. */
	poke: () => void;
	kept: () => string;
}

/**
 * Reads one stream of a child: keeps its last `keptOutputBytes` for the result and passes it on to `onOutput` as it
 * comes when it comes slowly, thinned (OutputSampler) when it floods, so a gigabyte is never decoded whole.
 */
export function readStream(fifo: Pick<OpenFifo, 'readFd' | 'large'>, onOutput: OutputListener | undefined): StreamReader {
	const sampler = new OutputSampler({headBytes: fullHeadBytes, sampleBytes: floodSampleBytes});
	const kept: Buffer[] = [];
	let keptBytes = 0;
	let lastTake = 0;
	let deferred: NodeJS.Timeout | undefined;
	const pass = (sample: ReturnType<OutputSampler['take']>) => {
		if (!sample) return;
		// A flood: V8's flags are the process's, so this holds for every thread, whichever reads the output.
		if (sample.skipped > 0) keepYoungGenerationSmall();
		onOutput?.(sample.text, sample.skipped);
	};

	const take = () => {
		clearTimeout(deferred);
		deferred = undefined;
		lastTake = Date.now();
		pass(sampler.take());
	};

	const reader = readPipe(fifo, {
		onData(chunk) {
			kept.push(chunk);
			keptBytes += chunk.length;
			while (kept.length > 1 && keptBytes - kept[0]!.length >= keptOutputBytes) keptBytes -= kept.shift()!.length;
			if (onOutput) sampler.add(chunk);
		},
		onReads() {
			if (!onOutput) return;
			// Slow output is passed on at once; a flood at most every floodTakeEveryMs, its end only.
			const wait = lastTake + floodTakeEveryMs - Date.now();
			if (!sampler.pastHead || sampler.pending < floodSampleBytes || wait <= 0) take();
			// Taken a moment later, even when the flood stops right now.
			else deferred ??= setTimeout(take, wait);
		},
	});
	const ended = reader.ended.then(() => {
		clearTimeout(deferred);
		if (onOutput) pass(sampler.end());
	});
	return {ended, stop: reader.stop, poke: reader.poke, kept: () => Buffer.concat(kept).toString('utf8')};
}
