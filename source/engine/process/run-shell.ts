// The only module that imports zx: every process the engine starts goes through here.
import {closeSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {ProcessPromise} from 'zx/core';
import {readFifo} from './output-reader.js';
import {temporaryPrefix} from './temporary-prefix.js';

// How long output is still read after the process exited (for the last lines still in the pipe).
const outputGraceMs = 300;

/** What to run and how. `argv` is quoted by zx piece by piece; nothing is ever pasted into a command string. */
export interface ShellRequest {
	argv: string[];
	cwd: string;
	env: Record<string, string | undefined>;
	signal?: AbortSignal;
	/** Called with the process id (= its process group id) as soon as it is started. */
	onSpawn?: (pid: number) => void;
	/**
	 * Called with output as it arrives, a chunk of complete lines at a time (each ending with a newline; the last line
	 * gets one when the command printed none). A flood is thinned (see OutputSampler and output-reader.ts): `skipped`
	 * bytes were left out just before `text`.
	 */
	onOutput?: (stream: 'stdout' | 'stderr', text: string, skipped: number) => void;
}

/** How a process ended (its output went to `onOutput`). */
export interface ShellResult {
	exitCode: number | null;
	signal: string | null;
	durationMs: number;
	aborted: boolean;
}

// zx is loaded by the first command (or warmUpShell), not at start: the TUI's first frame and `status` never need it.
// Its core only: `zx` itself also loads the helpers it bundles (globby, fs-extra, yaml…), 133 ms against 61 for the
// core, in one turn of the event loop that held up keys and the screen as a step started.
const loadZx = async () => import('zx/core');

/**
 * Loads the shell runner ahead of the first command (the walkthrough calls it while a step is shown, so that Enter
 * starts the command at once). Failures are left to the command that needs it.
 */
export function warmUpShell(): void {
	loadZx().catch(() => undefined);
}

/**
 * Runs one process in its own process group and resolves when it ends (never rejects for a non-zero exit).
 * An abort of `signal` kills the whole process tree: SIGTERM, then SIGKILL when it is still alive after a grace period.
 */
export async function runShell(request: ShellRequest): Promise<ShellResult> {
	const {$} = await loadZx();
	const started = Date.now();
	const [stdout, stderr] = await outputFifos((stream, fifo) => readFifo(fifo, sample => request.onOutput?.(stream, sample.text, sample.skipped)));
	let child: ProcessPromise;
	try {
		child = $({
			cwd: request.cwd,
			env: request.env,
			stdio: ['ignore', stdout.writeFd, stderr.writeFd],
			detached: true,
			nothrow: true,
			quiet: true,
			verbose: false,
		})`${request.argv}`;
	} finally {
		// The child has its copies: the end of output is when it (and whatever it left running) closes them.
		closeSync(stdout.writeFd);
		closeSync(stderr.writeFd);
	}

	if (child.pid !== undefined) request.onSpawn?.(child.pid);
	// A daemon started in the background (`server &`) keeps the output pipes open after the shell has exited; the
	// command is over when the shell is, so stop reading shortly after it exits instead of waiting for the daemon.
	const stopReading = () => {
		stdout.stop();
		stderr.stop();
	};

	child.child?.once('exit', () => setTimeout(stopReading, outputGraceMs).unref());
	let aborted = false;
	const abort = () => {
		aborted = true;
		void killTree(child);
	};

	if (request.signal?.aborted) abort();
	else request.signal?.addEventListener('abort', abort, {once: true});
	try {
		const output = await child;
		// Spawning failed (no exit event): nothing will close the pipes' other ends.
		if (child.pid === undefined) stopReading();
		await Promise.all([stdout.ended, stderr.ended]);
		return {exitCode: output.exitCode, signal: output.signal, durationMs: Date.now() - started, aborted};
	} finally {
		request.signal?.removeEventListener('abort', abort);
		stopReading();
	}
}

// Two FIFOs (`out`, `err`) made by one mkfifo in a private directory, opened by `open` and their names removed at
// once: nothing is left on disk, even after a kill -9. Readable and writable by anyone, for a `$` command run as
// another user that reopens its output (`tee /dev/stdout`); the directory is 0700 and gone before any command runs.
async function outputFifos<T>(open: (stream: 'stdout' | 'stderr', fifo: string) => T): Promise<[T, T]> {
	const {$} = await loadZx();
	// Named after this process, so that a later start can tell a killed run's leftovers (see backup/leftovers.ts).
	const directory = await mkdtemp(path.join(os.tmpdir(), temporaryPrefix('output')));
	try {
		const files = [path.join(directory, 'out'), path.join(directory, 'err')];
		const made = await $({nothrow: true, quiet: true, verbose: false})`mkfifo -m 666 ${files}`;
		if (made.exitCode !== 0) throw new Error(`cannot make the output pipes: mkfifo: ${made.stderr.trim()}`);
		return [open('stdout', files[0]!), open('stderr', files[1]!)];
	} finally {
		await rm(directory, {recursive: true, force: true});
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
