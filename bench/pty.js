// Runs a command on a pseudo-terminal (util-linux `script`) and reports when its output first shows a text.
// Shared by the TUI benches; no polling: the pty's output arrives as a stream.
import {spawn} from 'node:child_process';

const quote = word => `'${word.replaceAll("'", String.raw`'\''`)}'`;

/** Starts `argv` on a pty of `columns`×`rows`; returns the child and a helper to await a text in its output. */
export function startOnPty(argv, {env = process.env, cwd, columns = 100, rows = 40} = {}) {
	const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {TERM: 'xterm-256color', ...env}, cwd, stdio: ['pipe', 'pipe', 'inherit']});
	let seen = '';
	let bytes = 0;
	const waiters = [];
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
		get bytes() {
			return bytes;
		},
		/** Resolves with performance.now() when `text` has appeared (checked against output so far, too). */
		waitFor(text, timeoutMs = 30_000) {
			if (seen.includes(text)) return Promise.resolve(performance.now());
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`timed out waiting for ${text}; last output:\n${seen.slice(-2000)}`)), timeoutMs);
				waiters.push({text, resolve: at => (clearTimeout(timer), resolve(at))});
			});
		},
		/** Types into the terminal. */
		type(text) {
			child.stdin.write(text);
		},
		clear() {
			seen = '';
		},
	};
}
