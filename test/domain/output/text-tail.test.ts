import test from 'ava';
import {maxPendingLine, OutputSampler} from '../../../source/domain/output/output-sampler.js';
import {splitLines, TextTail} from '../../../source/domain/output/text-tail.js';

const output = Array.from({length: 5000}, (_, index) => (index % 7 === 0 ? `line ${index}\r` : `line ${index} ${'é'.repeat(index % 13)}`)).join('\n');

// Cuts `text` at arbitrary places, as reads from a pipe do.
function pieces(text: string, seed: number): string[] {
	const result: string[] = [];
	let at = 0;
	let size = seed;
	while (at < text.length) {
		size = (size * 7919 + 13) % 4099;
		result.push(text.slice(at, at + size + 1));
		at += size + 1;
	}

	return result;
}

test('chunks of complete lines, however the output was cut, give the lines a line-by-line reader gave', t => {
	const expected = output.split('\n').map(line => line.replace(/\r$/, ''));
	for (const seed of [1, 2, 3, 500]) {
		const lines = new OutputSampler(Number.POSITIVE_INFINITY, 1);
		const chunks: string[] = [];
		for (const piece of pieces(output, seed)) {
			lines.add(Buffer.from(piece));
			const sample = lines.take();
			if (sample) chunks.push(sample.text);
		}

		chunks.push(lines.end()!.text);
		t.true(chunks.every(chunk => chunk.endsWith('\n')));
		t.deepEqual(chunks.flatMap(chunk => splitLines(chunk)), expected);
		const tail = new TextTail(1000);
		for (const chunk of chunks) tail.push(chunk);
		t.deepEqual(tail.lines(40), expected.slice(-40));
	}
});

test('a tail keeps at least its capacity of the end, in whole lines, and says nothing more than asked', t => {
	const tail = new TextTail(100);
	for (let i = 0; i < 1000; i++) tail.push(`l${i}\n`);
	t.true(tail.text().length >= 100);
	t.true(tail.text().length < 200);
	t.true(tail.text().startsWith('l'));
	t.deepEqual(tail.lines(2), ['l998', 'l999']);
	t.deepEqual(tail.lines(0), []);
	tail.clear();
	t.deepEqual(tail.lines(5), []);
});

test('a line that never ends is passed on in pieces instead of being held whole', t => {
	const lines = new OutputSampler(Number.POSITIVE_INFINITY, 1);
	let passed = '';
	for (let i = 0; i < 100; i++) {
		lines.add(Buffer.from('x'.repeat(10_000)));
		passed += lines.take()?.text ?? '';
	}

	passed += lines.end()?.text ?? '';
	t.is(passed.replaceAll('\n', '').length, 1_000_000);
	t.true(splitLines(passed).every(line => line.length <= maxPendingLine + 10_000));
});

test('a big chunk is kept as about its last capacity of characters, from a line start', t => {
	const tail = new TextTail(100);
	tail.push(Array.from({length: 1000}, (_, i) => `l${i}\n`).join(''));
	t.true(tail.text().length <= 100);
	t.true(tail.text().startsWith('l'));
	t.deepEqual(tail.lines(2), ['l998', 'l999']);
});

test('a gap before a chunk restarts the tail: its lines are always consecutive', t => {
	const tail = new TextTail(100);
	tail.push('one\ntwo\n');
	tail.push('ninety\n', 5000);
	t.deepEqual(tail.lines(10), ['ninety']);
	tail.push('', 10);
	t.deepEqual(tail.lines(10), [], 'a gap with nothing after it leaves nothing to run on from');
});

test('counts every line and byte seen, left-out bytes included, and says when output was left out', t => {
	const tail = new TextTail(100);
	for (let i = 1; i <= 10; i++) tail.push(`l${i}\n`);
	t.deepEqual(tail.lines(3), ['l8', 'l9', 'l10']);
	t.is(tail.count, 10);
	t.false(tail.thinned);
	tail.push('é\n', 1000);
	t.true(tail.thinned);
	t.is(tail.bytes, 31 + 1000 + 3);
	tail.clear();
	t.deepEqual([tail.lines(5), tail.count, tail.bytes, tail.thinned], [[], 0, 0, false]);
});

test('a big piece is stored as its end: the last lines are the same, a last line longer than the store is kept whole', t => {
	const tail = new TextTail(600);
	const lines = Array.from({length: 100_000}, (_, i) => `line ${i}`);
	tail.push(`${lines.join('\n')}\n`);
	t.deepEqual(tail.lines(3), ['line 99997', 'line 99998', 'line 99999']);
	t.is(tail.count, 100_000);
	tail.push(`${'y'.repeat(500)}\n`);
	tail.push(`short\n${'z'.repeat(100_000)}\n`);
	t.deepEqual(tail.lines(3).map(line => line.length), [100_000], 'the endless line alone, whole');
});
