import test from 'ava';
import {silenceText, silentSeconds} from '../../../source/domain/output/silence.js';

const cases: Array<[number, number | undefined]> = [
	[0, undefined],
	[9999, undefined],
	[10_000, 10],
	[19_999, 10],
	[20_000, 20],
	[95_500, 90],
];

for (const [quietMs, expected] of cases) {
	test(`${quietMs} ms without output: ${expected === undefined ? 'nothing to say' : `${expected} s`}`, t => {
		t.is(silentSeconds(1_000_000, 1_000_000 + quietMs), expected);
	});
}

test('the note says the command still runs', t => {
	t.is(silenceText(30), 'no output for 30 s (still running)');
});
