import {mkdtempSync, readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runShell} from '../../../source/engine/process/run-shell.js';

// The output FIFOs are made in batches under the temporary directory: this file gets its own, and its tests run one
// after the other so that the first one alone decides how many batches are made.
const temporary = mkdtempSync(path.join(os.tmpdir(), 'tomesh-pipes-'));
process.env.TMPDIR = temporary;

test.serial('commands started all at once each get their own output pipes, and nothing is left on disk', async t => {
	// 48 commands × 2 FIFOs = three whole batches, taken concurrently across batch boundaries.
	const results = await Promise.all(
		Array.from({length: 48}, async (_, index) => {
			let text = '';
			await runShell({argv: ['bash', '-c', `echo out ${index}; echo err ${index} >&2`], cwd: temporary, env: process.env, onOutput: (stream, chunk) => (text += `${stream}:${chunk}`)});
			return text;
		}),
	);
	for (const [index, text] of results.entries()) t.deepEqual(text.split('\n').filter(Boolean).sort(), [`stderr:err ${index}`, `stdout:out ${index}`]);
	// The pool holds open pipes only: no name is left on disk, used or not (once a batch made ahead is ready).
	const deadline = Date.now() + 10_000;
	while (readdirSync(temporary).length > 0 && Date.now() < deadline) await new Promise(resolve => setImmediate(resolve));
	t.deepEqual(readdirSync(temporary), []);
});

test.serial('a pipe that floods is read to its end: every byte accounted for, the last lines whole', async t => {
	let bytes = 0;
	let sinceGap = '';
	const result = await runShell({
		argv: ['bash', '-c', 'head -c 50000000 /dev/zero | tr "\\0" "y" | fold -w 100; echo; echo the end'],
		cwd: temporary,
		env: process.env,
		onOutput(_stream, text, skipped) {
			bytes += text.length + skipped;
			sinceGap = skipped > 0 ? text : (sinceGap + text).slice(-1_000_000);
		},
	});
	t.is(result.exitCode, 0);
	t.is(bytes, 50_000_000 + 499_999 + '\nthe end\n'.length); // fold ends its last line with no newline: echo does
	t.true(sinceGap.endsWith(`\n${'y'.repeat(100)}\nthe end\n`));
});

test.serial('the output pipes are enlarged to 1 MiB before any command writes to them', async t => {
	// F_GETPIPE_SZ (1032) on the command's own stdout.
	const result = await runShell({argv: ['perl', '-e', 'print fcntl(STDOUT, 1032, 0)'], cwd: temporary, env: process.env});
	t.is(result.stdout, '1048576');
});
