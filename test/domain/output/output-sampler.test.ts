import test from 'ava';
import {OutputSampler, type OutputSample} from '../../../source/domain/output/output-sampler.js';

const options = {headBytes: 1000, sampleBytes: 300};

function collect(samples: OutputSample[], sample: OutputSample | undefined): void {
	if (sample) samples.push(sample);
}

// Every byte added is either in a text or counted as skipped.
const accounted = (samples: OutputSample[]) => samples.reduce((sum, s) => sum + Buffer.byteLength(s.text) + s.skipped, 0);

test('slow output is passed on whole, complete lines at a time', t => {
	const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
	const samples: OutputSample[] = [];
	sampler.add(Buffer.from('one\ntw'));
	collect(samples, sampler.take());
	sampler.add(Buffer.from('o\nthree'));
	collect(samples, sampler.take());
	collect(samples, sampler.end());
	t.deepEqual(samples, [
		{text: 'one\n', skipped: 0},
		{text: 'two\n', skipped: 0},
		{text: 'three\n', skipped: 0},
	]);
});

test('the start of the output is whole however fast it comes; after it a flood keeps its end from a line start', t => {
	const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
	const samples: OutputSample[] = [];
	const line = (n: number) => `line ${String(n).padStart(5, '0')}\n`; // 11 bytes
	const all = Array.from({length: 3000}, (_, n) => line(n)).join('');
	// The first take gets 2000 bytes at once: the head (1000) and past it, all of it whole.
	sampler.add(Buffer.from(all.slice(0, 2002)));
	collect(samples, sampler.take());
	t.is(samples[0]!.text, all.slice(0, 2002));
	t.true(sampler.pastHead);
	// Then 28 KB arrive in 100-byte reads before the next take: only the end is held, and passed on.
	for (let at = 2002; at < all.length; at += 100) sampler.add(Buffer.from(all.slice(at, at + 100)));
	t.true(sampler.pending < options.sampleBytes + 100, `holds ${sampler.pending} bytes`);
	collect(samples, sampler.take());
	collect(samples, sampler.end());
	const last = samples[1]!;
	t.true(last.skipped > 20_000);
	t.true(last.text.startsWith('line '), 'from a line start');
	t.true(last.text.endsWith(line(2999)));
	t.true(Buffer.byteLength(last.text) <= options.sampleBytes);
	t.true(all.endsWith(last.text), 'consecutive lines from the end');
	t.is(accounted(samples), all.length);
});

test('a character cut between two reads is whole, and bytes stay accounted for', t => {
	const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
	const bytes = Buffer.from('café\nnaïve\n');
	const samples: OutputSample[] = [];
	for (let at = 0; at < bytes.length; at++) {
		sampler.add(bytes.subarray(at, at + 1));
		collect(samples, sampler.take());
	}

	collect(samples, sampler.end());
	t.is(samples.map(s => s.text).join(''), 'café\nnaïve\n');
	t.is(accounted(samples), bytes.length);
});

test('one endless line flooding: the sample starts on a character boundary and never shows half a character', t => {
	const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
	const samples: OutputSample[] = [];
	sampler.add(Buffer.from('start\n'.repeat(200)));
	collect(samples, sampler.take());
	const flood = Buffer.from('é'.repeat(5000)); // 10 000 bytes, no newline
	for (let at = 0; at < flood.length; at += 333) sampler.add(flood.subarray(at, at + 333));
	collect(samples, sampler.take());
	collect(samples, sampler.end());
	const tail = samples.slice(1).map(s => s.text).join('');
	t.false(tail.includes('\uFFFD'), 'no replacement character');
	t.regex(tail, /^é+\n$/);
	// 1 added newline: the endless line was finished at the end.
	t.is(accounted(samples), 1200 + flood.length + 1);
});

test('a line in progress when a flood is thinned counts as left out', t => {
	const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
	const samples: OutputSample[] = [];
	sampler.add(Buffer.from(`${'h'.repeat(1199)}\npartial`));
	collect(samples, sampler.take());
	t.is(samples[0]!.text.length, 1200, 'the partial line waits for its end');
	sampler.add(Buffer.from(` line\n${'x\n'.repeat(1000)}`));
	collect(samples, sampler.take());
	collect(samples, sampler.end());
	t.true(samples[1]!.skipped > 0);
	t.false(samples[1]!.text.includes('partial'));
	t.is(accounted(samples), 1200 + 'partial line\n'.length + 2000);
});

test('over many ways of cutting and taking: the head whole and in order, the end consecutive, every byte counted', t => {
	const all = Array.from({length: 4000}, (_, n) => `${n}${n % 9 === 0 ? ' é' : ''}\n`).join('');
	const bytes = Buffer.from(all);
	for (const seed of [1, 7, 42, 1000]) {
		for (const options of [{headBytes: 500, sampleBytes: 200}, {headBytes: 3000, sampleBytes: 1000}]) {
			const sampler = new OutputSampler(options.headBytes, options.sampleBytes);
			const samples: OutputSample[] = [];
			// One read buffer reused for every chunk, as a socket's onread does: the sampler must copy what it keeps.
			const read = Buffer.alloc(700);
			let state = seed;
			for (let at = 0; at < bytes.length; ) {
				state = (state * 7919 + 13) % 4099;
				const length = bytes.copy(read, 0, at, Math.min(bytes.length, at + 1 + (state % 600)));
				sampler.add(read.subarray(0, length));
				read.fill(0);
				at += length;
				if (state % 3 === 0) collect(samples, sampler.take());
			}

			collect(samples, sampler.end());
			t.is(accounted(samples), bytes.length);
			const firstGap = samples.findIndex(s => s.skipped > 0);
			const head = samples.slice(0, firstGap === -1 ? undefined : firstGap).map(s => s.text).join('');
			t.true(all.startsWith(head) && Buffer.byteLength(head) >= Math.min(options.headBytes, bytes.length) - 20, `head of ${head.length}`);
			const lastGap = samples.findLastIndex(s => s.skipped > 0);
			const end = samples.slice(Math.max(0, lastGap)).map(s => s.text).join('');
			t.true(all.endsWith(end), 'the end runs on to the last line');
			t.true(samples.every(s => s.text === '' || s.text.endsWith('\n')));
		}
	}
});
