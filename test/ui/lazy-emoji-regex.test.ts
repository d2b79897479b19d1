import test from 'ava';
import {rgiEmojiRegex} from '../../source/ui/lazy-emoji-regex.js';

const rgiEmoji = new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v');

test('every code point, alone and with the emoji variation selector, gets the answer of /^\\p{RGI_Emoji}$/v', (t) => {
	const differ: string[] = [];
	for (let code = 0; code <= 0x10_ffff; code++) {
		const character = String.fromCodePoint(code);
		// Keycaps are built on the basic plane (digits, # and *).
		const clusters = code <= 0xff_ff ? [character, `${character}\uFE0F`, `${character}\u20E3`, `${character}\uFE0F\u20E3`] : [character, `${character}\uFE0F`];
		for (const cluster of clusters) if (rgiEmojiRegex.test(cluster) !== rgiEmoji.test(cluster)) differ.push(cluster);
	}

	t.deepEqual(differ, []);
});

test('emoji sequences of every kind are emoji, and what only looks like one is not', (t) => {
	const emoji = [
		'😀', // Basic emoji
		'☺\uFE0F', // A text-default character shown as emoji
		'#\uFE0F\u20E3', // Keycap
		'👍🏽', // Skin-tone modifier
		'🇨🇦', // Flag: two regional indicators
		'🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // Tag sequence (Scotland)
		'👨\u200D👩\u200D👧', // ZWJ family
		'🏳\uFE0F\u200D🌈', // ZWJ with a text-default part
		'❤\uFE0F\u200D🔥', // ZWJ starting with a text-default part
		'🧑🏽\u200D💻', // ZWJ with a modifier
	];
	for (const cluster of emoji) t.true(rgiEmoji.test(cluster) && rgiEmojiRegex.test(cluster), cluster);
	const notEmoji = ['✔', '#\u20E3', '👍a', '🇨', '❤\u200D🔥', 'abc', '', '→', '…'];
	for (const cluster of notEmoji) t.is(rgiEmojiRegex.test(cluster), rgiEmoji.test(cluster), cluster);
});
