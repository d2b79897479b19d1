import test from 'ava';
import {maxLineLength, OutputTail} from '../../source/ui/output-tail.js';

test('keeps only the last lines, oldest first, and counts all of them', t => {
	const tail = new OutputTail(3);
	for (let i = 1; i <= 10; i++) tail.push(`l${i}\n`);
	t.deepEqual(tail.last(), ['l8', 'l9', 'l10']);
	t.deepEqual(tail.last(2), ['l9', 'l10']);
	t.is(tail.count, 10);
	tail.reset();
	t.deepEqual(tail.last(), []);
});

test('cuts a very long line', t => {
	const tail = new OutputTail(2);
	tail.push(`${'x'.repeat(100_000)}\n`);
	t.is(tail.last()[0]!.length, maxLineLength + 1);
	t.is(tail.chars, 100_001);
});
