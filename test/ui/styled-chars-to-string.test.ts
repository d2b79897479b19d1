// The bundle gives Ink our styledCharsToString in place of @alcalzone/ansi-tokenize's (scripts/bundle-patches.js): it
// must give the same text for every line, styled or not.
import test from 'ava';
import {ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, styledCharsToString as library, tokenize} from '@alcalzone/ansi-tokenize';
import {styledCharsToString} from '../../source/ui/styled-chars-to-string.js';

const functions = {diffAnsiCodes, ansiCodesToString};
const ours = (line: string) => styledCharsToString(styledCharsFromTokens(tokenize(line)), functions);
const theirs = (line: string) => library(styledCharsFromTokens(tokenize(line)));

// Starts and ends of the styles Ink and chalk write: intensity (bold and dim share an end), colours of 16, 256 and
// 24 bits, underline, inverse, a full reset, and a hyperlink.
const codes = ['\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[31m', '\u001B[36m', '\u001B[39m', '\u001B[4m', '\u001B[24m', '\u001B[7m', '\u001B[27m', '\u001B[38;5;208m', '\u001B[48;2;10;20;30m', '\u001B[49m', '\u001B[0m', '\u001B]8;;https://example.org\u0007', '\u001B]8;;\u0007'];
const texts = ['a', ' ', 'xy', '❯', '✔ ', '日本', '👍🏽', '  '];

// A small deterministic generator (the same lines on every run).
function* lines(count: number): Generator<string> {
	let seed = 7;
	const next = (below: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % below;
	};

	for (let n = 0; n < count; n++) {
		let line = '';
		const parts = 1 + next(12);
		for (let part = 0; part < parts; part++) line += next(3) === 0 ? codes[next(codes.length)] : texts[next(texts.length)];
		yield line;
	}
}

test('the same text as the library for 20,000 lines of mixed styles, links and wide characters', t => {
	let differ = 0;
	let first = '';
	for (const line of lines(20_000)) {
		if (ours(line) !== theirs(line)) {
			differ++;
			first ||= JSON.stringify(line);
		}
	}

	t.is(differ, 0, first);
});

test('the lines of a frame: plain, one colour throughout, styles that change mid-line and stay open to its end', t => {
	for (const line of ['', 'plain text', '   ', '\u001B[36m❯ ○ Runbook 1\u001B[39m', '\u001B[1mbold\u001B[22m then \u001B[2mdim\u001B[22m', '\u001B[31mred to the end', '\u001B[1m\u001B[2mboth\u001B[22m']) {
		t.is(ours(line), theirs(line), JSON.stringify(line));
	}

	t.is(ours('\u001B[31mred to the end'), '\u001B[31mred to the end\u001B[39m');
});
