// The only module that imports zx: every process the engine starts goes through here.
import {closeSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ProcessPromise} from 'zx';
import {openFifo, type OpenFifo} from './output-pipe.js';
import {readOutput} from './output-readers.js';

export {keptOutputBytes} from './output-stream.js';

/** How long output is still read after the process exited (for the last lines still in the pipe). */
export const outputGraceMs = 300;

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
	 * gets one when the command printed none). Chunks, not lines: a step printing a gigabyte is ten million lines. A
	 * flood is thinned (see OutputSampler): `skipped` bytes were left out just before `text`.
	 */
	onOutput?: (stream: 'stdout' | 'stderr', text: string, skipped: number) => void;
}

/** How a process ended. */
export interface ShellResult {
	exitCode: number | null;
	signal: string | null;
	durationMs: number;
	/** The output (its last `keptOutputBytes` or a little more when it was longer). */
	stdout: string;
	stderr: string;
	aborted: boolean;
}

/**
 * Runs one process in its own process group and resolves when it ends (never rejects for a non-zero exit).
 * An abort of `signal` kills the whole process tree: SIGTERM, then SIGKILL when it is still alive after a grace period.
 * Its stdout and stderr are FIFOs this process reads itself, on its output thread (output-readers.ts); zx starts,
 * waits for and kills it.
 */
export async function runShell(request: ShellRequest): Promise<ShellResult> {
	// zx is loaded by the first command, not at start: the TUI's first frame and `status` never need it (~60 ms).
	const {$} = await import('zx');
	const started = Date.now();
	const [out, err] = await Promise.all([takeFifo(), takeFifo()]);
	const listener = (stream: 'stdout' | 'stderr') => request.onOutput && ((text: string, skipped: number) => request.onOutput!(stream, text, skipped));
	const readers = {stdout: readOutput(out, listener('stdout')), stderr: readOutput(err, listener('stderr'))};
	let child: ProcessPromise;
	try {
		child = $({
			cwd: request.cwd,
			env: request.env,
			input: request.input,
			stdio: [request.input === undefined ? 'ignore' : 'pipe', out.writeFd, err.writeFd],
			detached: true,
			nothrow: true,
			quiet: true,
			verbose: false,
		})`${request.argv}`;
	} finally {
		// The child has its copies: the end of output is when it (and whatever it left running) closes them.
		closeSync(out.writeFd);
		closeSync(err.writeFd);
	}

	if (child.pid !== undefined) request.onSpawn?.(child.pid);
	// A daemon started in the background (`server &`) keeps the output pipes open after the shell has exited; the
	// command is over when the shell is, so stop reading shortly after it exits instead of waiting for the daemon.
	let exited = false;
	const stopAfterGrace = () => {
		if (exited) return;
		exited = true;
		readers.stdout.poke();
		readers.stderr.poke();
		setTimeout(() => {
			readers.stdout.stop();
			readers.stderr.stop();
		}, outputGraceMs).unref();
	};

	child.child?.once('exit', stopAfterGrace);
	let aborted = false;
	const abort = () => {
		aborted = true;
		void killTree(child);
	};

	if (request.signal?.aborted) abort();
	else request.signal?.addEventListener('abort', abort, {once: true});
	try {
		const output = await child;
		// Spawning failed (no exit event): nothing will close the pipes' other ends but the grace timer.
		stopAfterGrace();
		await Promise.all([readers.stdout.ended, readers.stderr.ended]);
		return {
			exitCode: output.exitCode,
			signal: output.signal,
			durationMs: Date.now() - started,
			stdout: readers.stdout.kept(),
			stderr: readers.stderr.kept(),
			aborted,
		};
	} finally {
		request.signal?.removeEventListener('abort', abort);
		readers.stdout.stop();
		readers.stderr.stop();
	}
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

// FIFOs are made 32 at a time (one mkfifo for sixteen commands) in a private directory, opened at once and their names
// removed with the directory: the pool holds open pipes only, so nothing is ever left on disk, even after a kill -9.
const fifosPerBatch = 32;
const spare: OpenFifo[] = [];
let making: Promise<void> | undefined;

async function takeFifo(): Promise<OpenFifo> {
	while (spare.length === 0) await refill();
	const fifo = spare.shift()!;
	// The next batch is made while the last FIFOs of this one are used, so a command rarely waits for mkfifo.
	if (spare.length <= fifosPerBatch / 4) refill().catch(() => undefined);
	return fifo;
}

async function refill(): Promise<void> {
	making ??= makeFifos()
		.then(fifos => {
			spare.push(...fifos);
		})
		.finally(() => {
			making = undefined;
		});
	return making;
}

async function makeFifos(): Promise<OpenFifo[]> {
	const {$} = await import('zx');
	// Named after this process, so that a later start can tell a killed run's leftovers (see leftovers.ts).
	const directory = mkdtempSync(path.join(os.tmpdir(), `tomesh-output-${process.pid}-`));
	try {
		const files = Array.from({length: fifosPerBatch}, (_, index) => path.join(directory, `${index}`));
		// Readable and writable by anyone: only through /proc/self/fd (`tee /dev/stdout` in a `$` command); the
		// directory is 0700 and goes before any command runs.
		const made = await $({nothrow: true, quiet: true, verbose: false})`mkfifo -m 666 ${files}`;
		if (made.exitCode !== 0) throw new Error(`cannot make the output pipes: mkfifo: ${made.stderr.trim()}`);
		const fifos = files.map(file => openFifo(file));
		const large = await enlargePipes(files);
		return fifos.map((fifo, index) => ({...fifo, large: large[index] ?? false}));
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

// Node has no fcntl: F_SETPIPE_SZ (1031) is asked of perl, which every Debian system has (perl-base is essential), for
// a whole batch at once, while the FIFOs still have names. 1 MiB is what an unprivileged process may ask for
// (/proc/sys/fs/pipe-max-size); the memory is taken only as a flood fills it. Without perl the pipes stay as they are.
async function enlargePipes(files: string[]): Promise<boolean[]> {
	if (process.platform !== 'linux') return [];
	const {$} = await import('zx');
	const script = 'for my $f (@ARGV) { my $h; my $ok = open($h, "<", $f) && fcntl($h, 1031, 1048576); print STDOUT ($ok ? 1 : 0) }';
	const result = await $({nothrow: true, quiet: true, verbose: false})`perl -e ${script} ${files}`;
	return [...result.stdout].map(flag => flag === '1');
}
