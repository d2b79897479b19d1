// The only module that imports zx: every process the engine starts goes through here.
import type {Readable} from 'node:stream';
import type {ProcessPromise} from 'zx';
import {OutputSampler, type OutputSample} from '../../domain/output/output-sampler.js';
import {TextTail} from '../../domain/output/text-tail.js';

/** How long output is still read after the process exited (for the last lines still in the pipe). */
export const outputGraceMs = 300;

/** Most output kept per stream for ShellResult.stdout/stderr (characters): its end, what a failure shows. */
export const keptOutputBytes = 1024 * 1024;

/** The start of a stream's output always passed on in full (at least what the audit log keeps of it). */
export const fullHeadBytes = 512 * 1024;

/** How much of a flood's end is passed on at each take: what the audit log keeps of the end of an output. */
export const floodSampleBytes = 256 * 1024;

/** Past the head, output is passed on at most this often (ten screen updates a second; each piece is decoded). */
export const floodTakeEveryMs = 100;

/** What to run and how. `argv` is quoted by zx piece by piece; nothing is ever pasted into a command string. */
export interface ShellRequest {
	argv: string[];
	cwd: string;
	env: Record<string, string | undefined>;
	/** Text written to stdin, which is then closed; absent = stdin is /dev/null. */
	input?: string;
	signal?: AbortSignal;
	/** Called with the process id (= its process group id) as soon as it is started. */
	onSpawn?: (pid: number) => void;
	/**
	 * Called with output as it arrives, a chunk of complete lines at a time (each ending with a newline; the last line
	 * gets one when the command printed none). Chunks, not lines: a step printing a gigabyte is ten million lines. Past
	 * its first `fullHeadBytes`, a stream is passed on at most every `floodTakeEveryMs`, and of a flood only the last
	 * `floodSampleBytes` since the previous piece (see OutputSampler): `skipped` bytes were left out just before `text`.
	 */
	onOutput?: (stream: 'stdout' | 'stderr', text: string, skipped: number) => void;
}

/** How a process ended. */
export interface ShellResult {
	exitCode: number | null;
	signal: string | null;
	durationMs: number;
	/** The end of the output (at least its last `keptOutputBytes` when it was longer, from after the last gap). */
	stdout: string;
	stderr: string;
	aborted: boolean;
}

// zx would keep every chunk of output (a gigabyte, joined at the end): the streams are read here instead.
const keepNothing = Object.assign([] as Buffer[], {push: () => 0});

/**
 * Runs one process in its own process group and resolves when it ends (never rejects for a non-zero exit).
 * An abort of `signal` kills the whole process tree: SIGTERM, then SIGKILL when it is still alive after a grace period.
 */
export async function runShell(request: ShellRequest): Promise<ShellResult> {
	// zx is loaded by the first command, not at start: the TUI's first frame and `status` never need it (~60 ms).
	const {$} = await import('zx');
	const started = Date.now();
	const child = $({
		cwd: request.cwd,
		env: request.env,
		input: request.input,
		stdio: [request.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		store: {stdout: keepNothing, stderr: keepNothing, stdall: keepNothing},
		detached: true,
		nothrow: true,
		quiet: true,
		verbose: false,
	})`${request.argv}`;
	const listener = (stream: 'stdout' | 'stderr') => request.onOutput && ((sample: OutputSample) => request.onOutput!(stream, sample.text, sample.skipped));
	const stdout = readStream(child.stdout, listener('stdout'));
	const stderr = readStream(child.stderr, listener('stderr'));
	if (child.pid !== undefined) request.onSpawn?.(child.pid);
	// A daemon started in the background (`server &`) keeps the output pipes open after the shell has exited; the
	// command is over when the shell is, so stop reading shortly after it exits instead of waiting for the daemon.
	child.child?.once('exit', () => {
		setTimeout(() => {
			child.stdout?.destroy();
			child.stderr?.destroy();
		}, outputGraceMs).unref();
	});
	let aborted = false;
	const abort = () => {
		aborted = true;
		void killTree(child);
	};

	if (request.signal?.aborted) abort();
	else request.signal?.addEventListener('abort', abort, {once: true});
	try {
		const output = await child;
		return {exitCode: output.exitCode, signal: output.signal, durationMs: Date.now() - started, stdout: stdout(), stderr: stderr(), aborted};
	} finally {
		request.signal?.removeEventListener('abort', abort);
	}
}

// Reads one stream: every chunk goes through an OutputSampler, taken at once while it is in the head or when the last
// take is `floodTakeEveryMs` old, else a moment later. Returns a function ending the stream, which gives its kept end.
function readStream(stream: Readable | null | undefined, onOutput: ((sample: OutputSample) => void) | undefined): () => string {
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

	stream?.on('data', (chunk: Buffer) => {
		sampler.add(chunk);
		const wait = lastTake + floodTakeEveryMs - Date.now();
		if (!sampler.pastHead || wait <= 0) take();
		else deferred ??= setTimeout(take, wait);
	});
	return () => {
		clearTimeout(deferred);
		pass(sampler.end());
		return kept.text();
	};
}

// The group first (detached: the child leads its own group), so a shell cannot run on once its children die;
// then zx's tree walk for descendants that left the group; SIGKILL when something is still alive after a grace period.
async function killTree(child: ProcessPromise): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) return;
	signalGroup(pid, 'SIGTERM');
	try {
		await child.kill('SIGTERM');
	} catch {
		// Already ended.
	}

	const timer = setTimeout(() => {
		if (child.stage === 'running') signalGroup(pid, 'SIGKILL');
	}, 2000);
	timer.unref();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is gone.
	}
}
