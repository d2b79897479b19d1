/**
 * Stands in, in the bundle only (scripts/build.js puts it in string-width's place for its `rgiEmojiRegex`), for
 * `/^\p{RGI_Emoji}$/v`: V8 takes ~40 ms to build that regex and ~45 ms more to compile it on its first test, and
 * string-width built it when loaded, so every start of the TUI paid ~85 ms before its first frame for screens that
 * rarely hold an emoji. Here the regex is built on the first cluster that can be an emoji, and only such clusters are
 * tested with it: the answers are the same (test/ui/lazy-emoji-regex.test.ts compares them on every code point and on
 * emoji sequences of each kind).
 */

// Every RGI emoji holds a character that is shown as an emoji by default (Emoji_Presentation: the basic emoji,
// skin-tone modifiers, regional indicators of flags, the black flag of tag sequences) or the emoji variation
// selector U+FE0F (text-default characters as emoji, keycaps, and the parts of ZWJ sequences built from those).
const canBeEmoji = /[\p{Emoji_Presentation}\u{FE0F}]/u;
let rgiEmoji: RegExp | undefined;

/** Whether `cluster` is one RGI emoji, as `/^\p{RGI_Emoji}$/v.test(cluster)` says. */
export const rgiEmojiRegex = {
	test(cluster: string): boolean {
		if (!canBeEmoji.test(cluster)) return false;
		rgiEmoji ??= new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v');
		return rgiEmoji.test(cluster);
	},
};
