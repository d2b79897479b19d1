// The only module that imports zx: every process the engine starts goes through here.
import {StringDecoder} from 'node:string_decoder';
import type {ProcessPromise} from 'zx';

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
	/** Called once per complete line of output (without the newline). */
	onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** How a process ended. */
export interface ShellResult {
	exitCode: number | null;
	signal: string | null;
	durationMs: number;
	/** The output (its last `keptOutputBytes` when it was longer). */
	stdout: string;
	stderr: string;
	aborted: boolean;
}

/**
 * Runs one process in its own process group and resolves when it ends (never rejects for a non-zero exit).
 * An abort of `signal` kills the whole process tree: SIGTERM, then SIGKILL when it is still alive after a grace period.
 */
export async function runShell(request: ShellRequest): Promise<ShellResult> {
	// zx is loaded by the first command, not at start: the TUI's first frame and `status` never need it (~60 ms).
	const {$} = await import('zx');
	const started = Date.now();
	const splitters = {stdout: lineSplitter('stdout', request.onLine), stderr: lineSplitter('stderr', request.onLine)};
	const child = $({
		cwd: request.cwd,
		env: request.env,
		input: request.input,
		stdio: [request.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		detached: true,
		// zx keeps every chunk of output by default: a step printing a gigabyte would hold it all (and fail to join it).
		store: {stdout: new TailChunks(), stderr: new TailChunks(), stdall: new TailChunks()},
		nothrow: true,
		quiet: true,
		verbose: false,
		log(entry) {
			if (entry.kind === 'stdout' || entry.kind === 'stderr') splitters[entry.kind].push(entry.data as Buffer | string);
		},
	})`${request.argv}`;
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
		splitters.stdout.flush();
		splitters.stderr.flush();
		return {
			exitCode: output.exitCode,
			signal: output.signal,
			durationMs: Date.now() - started,
			stdout: output.stdout,
			stderr: output.stderr,
			aborted,
		};
	} finally {
		request.signal?.removeEventListener('abort', abort);
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

/** Most output kept per stream for ShellResult.stdout/stderr: the end of the output, which is what checks read. */
export const keptOutputBytes = 1024 * 1024;

// A zx output store that keeps only the last chunks, about `keptOutputBytes` of them.
class TailChunks extends Array<string | Buffer> {
	private bytes = 0;

	override push(...chunks: Array<string | Buffer>): number {
		for (const chunk of chunks) {
			super.push(chunk);
			this.bytes += chunk.length;
		}

		while (this.bytes > keptOutputBytes && this.length > 1) this.bytes -= this.shift()!.length;
		return this.length;
	}
}

function lineSplitter(stream: 'stdout' | 'stderr', onLine: ShellRequest['onLine']) {
	let pending = '';
	const decoder = new StringDecoder('utf8');
	return {
		push(chunk: Buffer | string) {
			pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
			const lines = pending.split('\n');
			pending = lines.pop()!;
			for (const line of lines) onLine?.(stream, line.replace(/\r$/, ''));
		},
		flush() {
			if (pending !== '') onLine?.(stream, pending);
			pending = '';
		},
	};
}
