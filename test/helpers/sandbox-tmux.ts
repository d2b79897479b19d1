/**
 * The built CLI in a real terminal (tmux) inside the namespace sandbox: for walkthrough tests that touch /etc. The tmux
 * server starts inside the sandbox (so the program sees its overlays) and the test drives it through its socket,
 * which lives under /tmp, outside the overlays. What the sandbox's /etc holds is read by asking the sandbox's script
 * to run a command (`inside`): the test's own view of /etc is the host's.
 */
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runInSandbox, type SandboxResult} from './sandbox.js';
import {TmuxSession} from './tmux.js';
import {waitFor} from './wait-for.js';

/** A walkthrough running in the sandbox. */
export interface SandboxedTui {
	tmux: TmuxSession;
	/** A temporary directory outside the sandbox's overlays (state, the requests to the script). */
	work: string;
	/** Runs a bash command inside the sandbox and resolves to its output (stdout and stderr). */
	inside: (command: string) => Promise<string>;
	/** Ends the sandbox (and the program, tmux and everything else in it). */
	stop: () => Promise<SandboxResult>;
}

/**
 * Runs `setup` as root in a fresh sandbox, then `argv(work)` in tmux at `width`x`height` (cwd `cwd`, `env` added; $WORK is
 * the work directory), and serves `inside` requests until stopped.
 */
export async function startSandboxedTui(setup: string, argv: (work: string) => string[], options: {cwd: string; env?: Record<string, string>; width?: number; height?: number}): Promise<SandboxedTui> {
	const work = await mkdtemp(path.join(tmpdir(), 'tomesh-sandbox-tui-'));
	const socket = `tomesh-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const quote = (word: string) => `'${word.replaceAll("'", String.raw`'\''`)}'`;
	const env = Object.entries({TERM: 'xterm-256color', WORK: work, ...options.env}).map(([k, v]) => `${k}=${quote(v)}`);
	const program = `env -u CI -u CONTINUOUS_INTEGRATION -u TMUX ${env.join(' ')} ${argv(work).map(quote).join(' ')}; echo "[exit $?]"; sleep 86400`;
	const script = `
		unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR TMUX
		${setup}
		cd ${quote(options.cwd)}
		tmux -L ${socket} -f /dev/null new-session -d -s tui -x ${options.width ?? 80} -y ${options.height ?? 24} ${quote(program)} || exit 7
		touch ${work}/started
		until [ -e ${work}/stop ]; do
			if [ -e ${work}/ask.sh ]; then bash ${work}/ask.sh > ${work}/answer 2>&1; rm -f ${work}/ask.sh; touch ${work}/answered; fi
			sleep 0.02
		done
		tmux -L ${socket} kill-server
	`;
	const ended = runInSandbox(script, {timeoutMs: 110_000});
	const settled = {done: false};
	void ended.then(() => {
		settled.done = true;
	});
	await waitFor(() => existsSync(path.join(work, 'started')) || settled.done, 'the sandbox to start tmux', 30_000);
	if (settled.done) {
		const result = await ended;
		throw new Error(`the sandbox ended before tmux started (exit ${result.exitCode}):\n${result.stdout}${result.stderr}`);
	}

	let queue = Promise.resolve('');
	const inside = async (command: string) => {
		queue = queue.then(async () => {
			await rm(path.join(work, 'answered'), {force: true});
			// Written aside, then renamed: the script polls for ask.sh and must never run it half-written (an empty
			// answer came back that way now and then).
			await writeFile(path.join(work, 'ask.sh.new'), command);
			await rename(path.join(work, 'ask.sh.new'), path.join(work, 'ask.sh'));
			await waitFor(() => existsSync(path.join(work, 'answered')), `the sandbox to run ${command}`, 20_000);
			return readFile(path.join(work, 'answer'), 'utf8');
		});
		return queue;
	};

	const stop = async () => {
		await writeFile(path.join(work, 'stop'), '');
		const result = await ended;
		await rm(work, {recursive: true, force: true});
		return result;
	};

	return {tmux: new TmuxSession(socket), work, inside, stop};
}
