import {readdirSync} from 'node:fs';
import test from 'ava';
import {runShell} from '../../../source/engine/process/run-shell.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

// The output FIFOs are made under the temporary directory: this file gets its own, to see that nothing is left there.
const temporary = temporaryDirectory('tomesh-pipes-');
process.env.TMPDIR = temporary;

test('commands started all at once each get their own output, stdout and stderr apart, and nothing is left on disk', async t => {
	const results = await Promise.all(
		Array.from({length: 48}, async (_, index) => {
			let text = '';
			await runShell({argv: ['bash', '-c', `echo out ${index}; echo err ${index} >&2`], cwd: temporary, env: process.env, onOutput: (stream, chunk) => (text += `${stream}:${chunk}`)});
			return text;
		}),
	);
	for (const [index, text] of results.entries()) t.deepEqual(text.split('\n').filter(Boolean).sort(), [`stderr:err ${index}`, `stdout:out ${index}`]);
	t.deepEqual(readdirSync(temporary), []);
});

test('a pipe that floods is read to its end: every byte accounted for, the last lines whole, stderr apart', async t => {
	let bytes = 0;
	let sinceGap = '';
	let stderr = '';
	const result = await runShell({
		argv: ['bash', '-c', 'head -c 50000000 /dev/zero | tr "\\0" "y" | fold -w 100; echo; echo oops >&2; echo the end'],
		cwd: temporary,
		env: process.env,
		onOutput(stream, text, skipped) {
			if (stream === 'stderr') {
				stderr += text;
				return;
			}

			bytes += text.length + skipped;
			sinceGap = skipped > 0 ? text : (sinceGap + text).slice(-1_000_000);
		},
	});
	t.is(result.exitCode, 0);
	t.is(bytes, 50_000_000 + 499_999 + '\nthe end\n'.length); // fold ends its last line with no newline: echo does
	t.true(sinceGap.endsWith(`\n${'y'.repeat(100)}\nthe end\n`));
	t.is(stderr, 'oops\n');
});
