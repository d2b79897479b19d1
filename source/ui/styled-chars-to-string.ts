/**
 * Ink turns every line of every frame into text with @alcalzone/ansi-tokenize's styledCharsToString, which works out
 * the escape codes between each character and the next: three Sets and several arrays per character, styled or not.
 * While a step floods its output that was the largest part of the TUI's garbage (the running screen redraws four times
 * a second), and a tenth of the first frame's time. The bundle gives Ink this version (scripts/bundle-patches.js): the
 * same text, with a shortcut where two neighbouring characters have the same styles (most of a frame: blank cells,
 * runs of one colour), for which the library's answer is always no codes at all.
 */
import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';

/** The library's own functions, which this calls wherever styles change. */
export interface AnsiCodeFunctions {
	diffAnsiCodes: (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[];
	ansiCodesToString: (codes: AnsiCode[]) => string;
}

/** The line as text with the fewest escape codes, as the library's styledCharsToString gives it. */
export function styledCharsToString(chars: StyledChar[], {diffAnsiCodes, ansiCodesToString}: AnsiCodeFunctions): string {
	let text = '';
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (index === 0) {
			if (char.styles.length > 0) text += ansiCodesToString(char.styles);
		} else {
			const before = chars[index - 1]!.styles;
			if (!sameStyles(before, char.styles)) text += ansiCodesToString(diffAnsiCodes(before, char.styles));
		}

		text += char.value;
		// The styles still in force are ended after the last character.
		if (index === chars.length - 1 && char.styles.length > 0) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
	}

	return text;
}

// The same codes in the same order: nothing to undo and nothing to add between the two characters.
function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) {
		if (a[index]!.code !== b[index]!.code || a[index]!.endCode !== b[index]!.endCode) return false;
	}

	return true;
}
