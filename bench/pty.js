// Runs a command on a pseudo-terminal (util-linux `script`) and reports when its output first shows a text.
// Shared by the TUI benches; no polling: the pty's output arrives as a stream.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {operatorEnvironment} from './environment.js';

const quote = word => `'${word.replaceAll("'", String.raw`'\''`)}'`;

/**
 * The pid of the program `script` runs (`sh -c "stty …; exec prog"` leaves it as script's only child); throws when it
 * has already exited. Never 0: `process.kill(0)` would signal this whole process group.
 */
export function programPid(scriptPid) {
	const pid = Number(readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/)[0]);
	if (!(pid > 0)) throw new Error(`script (pid ${scriptPid}) has no program running`);
	return pid;
}

// What is still running on a pty when the bench ends: a bench that dies half way (an error, a closed pipe, Ctrl-C)
// must not leave a CLI waiting for keys on a terminal nobody reads.
const running = new Set();
process.on('exit', () => {
	for (const kill of running) kill();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => process.exit(130));
}

/** Starts `argv` on a pty of `columns`×`rows`; returns the child and helpers to type and await texts. */
export function startOnPty(argv, {env = operatorEnvironment(), cwd, columns = 100, rows = 40} = {}) {
	const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: withoutCi({TERM: 'xterm-256color', ...env}), cwd, stdio: ['pipe', 'pipe', 'inherit']});
	let seen = '';
	let bytes = 0;
	const waiters = [];
	const kill = () => {
		try {
			process.kill(programPid(child.pid), 'SIGKILL');
		} catch {
			// Already gone.
		}

		child.kill('SIGKILL');
	};
	running.add(kill);
	child.on('exit', () => running.delete(kill));

	child.stdout.on('data', chunk => {
		bytes += chunk.length;
		// Only a window is kept: a step printing a gigabyte must not grow the bench.
		seen = (seen + chunk.toString('utf8')).slice(-200_000);
		for (const w of [...waiters]) {
			if (seen.includes(w.text)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(performance.now());
			}
		}
	});
	const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
	return {
		child,
		exited,
		kill,
		get bytes() {
			return bytes;
		},
		/** The output seen so far (a window of the last 200 kB). */
		get seen() {
			return seen;
		},
		/** Resolves with performance.now() when `text` has appeared (checked against output so far, too). */
		waitFor(text, timeoutMs = 30_000) {
			if (seen.includes(text)) return Promise.resolve(performance.now());
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					kill();
					reject(new Error(`timed out waiting for ${text}; last output:\n${seen.slice(-2000)}`));
				}, timeoutMs);
				waiters.push({text, resolve: at => (clearTimeout(timer), resolve(at))});
			});
		},
		/** Types into the terminal. */
		type(text) {
			child.stdin.write(text);
		},
		/** Forgets the output seen so far (the next waitFor looks at new output only). */
		clear() {
			seen = '';
		},
	};
}

// With CI set, Ink draws only the last frame; an operator at a terminal has no such variable.
function withoutCi(env) {
	const {CI: _ci, CONTINUOUS_INTEGRATION: _ci2, ...rest} = env;
	return rest;
}
