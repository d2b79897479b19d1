import test from 'ava';
import {splitLines} from '../../source/domain/text-tail.js';
import {keptOutputBytes, runShell} from '../../source/engine/run-shell.js';

test('a command printing more than the kept bytes streams every line, in chunks of complete lines, but keeps only the end', async t => {
	let lines = 0;
	let last = '';
	const result = await runShell({
		argv: ['bash', '-c', 'seq 1 600000'],
		cwd: '/tmp',
		env: process.env,
		onOutput(_stream, text) {
			t.true(text.endsWith('\n'));
			const split = splitLines(text);
			lines += split.length;
			last = split.at(-1)!;
		},
	});
	t.is(result.exitCode, 0);
	t.is(lines, 600_000);
	t.is(last, '600000');
	t.true(result.stdout.length <= keptOutputBytes + 65_536, `kept ${result.stdout.length} bytes`);
	t.true(result.stdout.endsWith('599999\n600000\n'));
});
