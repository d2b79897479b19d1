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
	t.is(tail.bytes, 100_001);
});

test('a gap restarts the shown lines and counts the left-out bytes', t => {
	const tail = new OutputTail(5);
	tail.push('a\nb\n');
	t.false(tail.thinned);
	tail.push('é\n', 1000);
	t.deepEqual(tail.last(), ['é']);
	t.true(tail.thinned);
	t.is(tail.bytes, 4 + 1000 + 3);
	tail.reset();
	t.false(tail.thinned);
	t.is(tail.bytes, 0);
});

test('a big piece is stored as its end: the last lines are the same, a last line longer than the store is kept whole', t => {
	const tail = new OutputTail(3);
	const lines = Array.from({length: 100_000}, (_, i) => `line ${i}`);
	tail.push(`${lines.join('\n')}\n`);
	t.deepEqual(tail.last(), ['line 99997', 'line 99998', 'line 99999']);
	t.is(tail.count, 100_000);
	tail.push(`${'y'.repeat(5000)}\n`);
	tail.push(`short\n${'z'.repeat(100_000)}\n`);
	t.deepEqual(tail.last().map(line => line[0]), ['z'], 'the endless line alone, whole (cut only when shown)');
	t.is(tail.last()[0]!.length, maxLineLength + 1);
});
