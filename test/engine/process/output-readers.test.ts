import test from 'ava';
import {outputThreadRunning, readOutputOnAThread} from '../../../source/engine/process/output-readers.js';
import {runShell} from '../../../source/engine/process/run-shell.js';

// As the TUI runs commands: their output read on the output thread.
test('on the output thread: a flood arrives thinned with every byte accounted for, the end kept, stderr apart', async t => {
	readOutputOnAThread();
	const seen = {stdout: 0, stderr: ''};
	let first = '';
	const result = await runShell({
		argv: ['bash', '-c', 'seq 1 500000; echo oops >&2'],
		cwd: '/tmp',
		env: process.env,
		onOutput(stream, text, skipped) {
			if (stream === 'stderr') seen.stderr += text;
			else {
				first ||= text;
				seen.stdout += text.length + skipped;
			}
		},
	});
	t.true(outputThreadRunning());
	t.is(result.exitCode, 0);
	t.is(seen.stdout, Array.from({length: 500_000}, (_, i) => `${i + 1}\n`).join('').length);
	t.true(first.startsWith('1\n2\n'));
	t.is(seen.stderr, 'oops\n');
	t.true(result.stdout.endsWith('499999\n500000\n'));
	t.is(result.stderr, 'oops\n');
});
