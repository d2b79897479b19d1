import test from 'ava';
import {plainText, withoutCodeMarks} from '../../../source/domain/parse/plain-text.js';

// Every text of up to seven characters made of backticks, letters, spaces, tabs and line breaks.
function* texts(length: number): Generator<string> {
	if (length === 0) {
		yield '';
		return;
	}

	for (const shorter of texts(length - 1)) for (const mark of ['`', 'a', ' ', '\t', '\n']) yield shorter + mark;
}

test('code marks go as the regular expression pairing backticks from the left drops them', t => {
	let checked = 0;
	for (let length = 0; length <= 7; length++) {
		for (const text of texts(length)) {
			if (withoutCodeMarks(text) !== text.replaceAll(/`([^`]*)`/g, '$1')) t.fail(JSON.stringify(text));
			checked++;
		}
	}

	t.true(checked > 90_000);
});

test('whitespace collapses to single spaces, and text with single spaces only is kept as it is', t => {
	t.is(plainText('Run `echo 1` now'), 'Run echo 1 now');
	t.is(plainText('  a  b\tc\nd\u00A0e  '), 'a b c d e');
	t.is(plainText('a b c'), 'a b c');
	for (let length = 0; length <= 6; length++) {
		for (const text of texts(length)) {
			const expected = text.replaceAll(/`([^`]*)`/g, '$1').replaceAll(/\s+/g, ' ').trim();
			if (plainText(text) !== expected) t.fail(JSON.stringify(text));
		}
	}
});
