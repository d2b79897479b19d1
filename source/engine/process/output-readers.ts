import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {OpenFifo} from './output-pipe.js';
import {readStream, type OutputListener, type StreamReader} from './output-stream.js';

/** What the main thread asks of the output thread. */
export type ReaderRequest = {type: 'read'; id: number; readFd: number; large: boolean; passOn: boolean} | {type: 'stop' | 'poke'; id: number};

/** What the output thread answers: pieces of output, then the end with the stream's last bytes. */
export type ReaderReply = {type: 'output'; id: number; text: string; skipped: number} | {type: 'end'; id: number; kept: string};

interface Pending {
	fifo: OpenFifo;
	onOutput?: OutputListener;
	end: (kept: string) => void;
	/** Set when the thread died and the stream is read here instead. */
	local?: StreamReader;
}

let wanted = false;
let worker: Worker | undefined;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * From now on, output is read on a thread of its own: for the TUI, whose drawing would otherwise hold a flooding
 * command up. A headless run's main thread has nothing else to do and reads it itself (no thread to start).
 */
export function readOutputOnAThread(): void {
	wanted = true;
}

/** Whether the output thread is running (it starts with the first command after readOutputOnAThread). */
export function outputThreadRunning(): boolean {
	return worker !== undefined;
}

/**
 * Reads one output stream of a child (see readStream): on the output thread when one is wanted and can start,
 * otherwise right here.
 */
export function readOutput(fifo: OpenFifo, onOutput: OutputListener | undefined): StreamReader {
	const thread = wanted ? outputThread() : undefined;
	if (!thread) return readStream(fifo, onOutput);
	const id = nextId++;
	let kept = '';
	let reader: Pending | undefined;
	const ended = new Promise<void>(resolve => {
		reader = {
			fifo,
			onOutput,
			end(text) {
				kept = text;
				resolve();
			},
		};
		pending.set(id, reader);
	});
	// The thread keeps the process alive only while it reads (a run that is over exits without waiting for it).
	thread.ref();
	thread.postMessage({type: 'read', id, readFd: fifo.readFd, large: fifo.large, passOn: onOutput !== undefined} satisfies ReaderRequest);
	const ask = (type: 'stop' | 'poke') => (reader?.local ? reader.local[type]() : worker?.postMessage({type, id} satisfies ReaderRequest));
	return {ended, stop: () => ask('stop'), poke: () => ask('poke'), kept: () => kept};
}

function outputThread(): Worker | undefined {
	if (worker || unavailable) return worker;
	const file = workerFile();
	if (!file) {
		unavailable = true;
		return undefined;
	}

	// Small heaps: the thread holds at most a few MiB of output at a time, and its garbage is collected early. The
	// descriptors it reads were opened by the main thread: it closes them without Node's per-thread bookkeeping.
	const options = {trackUnmanagedFds: false, resourceLimits: {maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 32}};
	// Under tsx (the tests) the thread registers the TypeScript loader first; the bundle needs nothing.
	worker = file.pathname.endsWith('.ts')
		? new Worker(`import('tsx/esm/api').then(api => api.register()).then(() => import(${JSON.stringify(file.href)}))`, {...options, eval: true})
		: new Worker(file, options);
	worker.unref();
	worker.on('message', (reply: ReaderReply) => {
		const reader = pending.get(reply.id);
		if (!reader) return;
		if (reply.type === 'output') {
			reader.onOutput?.(reply.text, reply.skipped);
			return;
		}

		pending.delete(reply.id);
		if (pending.size === 0) worker?.unref();
		reader.end(reply.kept);
	});
	worker.on('error', () => {
		// The thread died (it should not): its streams are read on here (nothing is lost but what it held), and so are
		// later ones.
		unavailable = true;
		worker = undefined;
		for (const [id, reader] of pending) {
			pending.delete(id);
			reader.local = readStream(reader.fifo, reader.onOutput);
			void reader.local.ended.then(() => reader.end(reader.local!.kept()));
		}
	});
	return worker;
}

// The worker's file beside this module: source/engine/*.ts under tsx (tests), dist/ or dist/chunks/ in the bundle.
function workerFile(): URL | undefined {
	const here = import.meta.url;
	const candidates = here.endsWith('.ts') ? [new URL('output-worker.ts', here)] : [new URL('output-worker.js', here), new URL('../output-worker.js', here)];
	return candidates.find(url => existsSync(fileURLToPath(url)));
}
