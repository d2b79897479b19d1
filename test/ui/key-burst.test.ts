import test from 'ava';
import {splitBurst} from '../../source/ui/key-burst.js';

test('a burst of control keys becomes one key each; text runs stay together', t => {
	t.deepEqual(splitBurst('\u0003\u0003'), [
		{input: 'c', key: {ctrl: true}},
		{input: 'c', key: {ctrl: true}},
	]);
	t.deepEqual(splitBurst('\r\r\r')?.map(k => k.key.return), [true, true, true]);
	t.deepEqual(splitBurst('example.org\r'), [{input: 'example.org', key: {}}, {input: '', key: {return: true}}]);
	t.deepEqual(splitBurst('ab\u007F'), [{input: 'ab', key: {}}, {input: '', key: {backspace: true}}]);
});

test('a single key, plain text and escape sequences are left to Ink', t => {
	for (const input of ['q', '\r', 'pasted text', '\u001B[A', '']) t.is(splitBurst(input), undefined, JSON.stringify(input));
});
