import test from 'ava';
import {splitLines} from '../../../source/domain/output/text-tail.js';
import {fullHeadBytes} from '../../../source/engine/process/output-reader.js';
import {runShell} from '../../../source/engine/process/run-shell.js';

test('a command printing more than the head: its start arrives whole, then consecutive lines, every byte accounted for', async t => {
	const total = Array.from({length: 600_000}, (_, i) => `${i + 1}\n`).join('').length;
	const pieces: Array<{text: string; skipped: number}> = [];
	const result = await runShell({
		argv: ['bash', '-c', 'seq 1 600000'],
		cwd: '/tmp',
		env: process.env,
		onOutput(_stream, text, skipped) {
			t.true(text.endsWith('\n'));
			pieces.push({text, skipped});
		},
	});
	t.is(result.exitCode, 0);
	t.is(pieces.reduce((sum, p) => sum + p.text.length + p.skipped, 0), total);
	// Before the first gap: every line from 1, in order, at least the whole head.
	const firstGap = pieces.findIndex(p => p.skipped > 0);
	const head = splitLines(pieces.slice(0, firstGap === -1 ? undefined : firstGap).map(p => p.text).join(''));
	t.deepEqual(head.slice(0, 3), ['1', '2', '3']);
	t.true(head.join('\n').length >= fullHeadBytes - 10, `head of ${head.length} lines`);
	head.forEach((line, i) => line !== String(i + 1) && t.fail(`line ${i + 1} is ${line}`));
	// After the last gap: consecutive lines up to the last one.
	const lastGap = pieces.findLastIndex(p => p.skipped > 0);
	const end = splitLines(pieces.slice(Math.max(lastGap, 0)).map(p => p.text).join('')).map(Number);
	t.is(end.at(-1), 600_000);
	end.forEach((n, i) => i > 0 && n !== end[i - 1]! + 1 && t.fail(`${n} follows ${end[i - 1]}`));
});
