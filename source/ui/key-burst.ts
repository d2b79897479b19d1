/**
 * Several keys arriving in one read (two Ctrl-C, Enters typed ahead over SSH) reach Ink as one string, which it reads
 * as one unknown key. Split such a burst into the keys it holds: every control character on its own, runs of printable
 * text kept together (a paste into a field stays a paste). Pure.
 */
import type {Key} from 'ink';

/** One key of a burst: the input text and the flags Ink would have given it alone. */
export interface BurstKey {
	input: string;
	key: Partial<Key>;
}

/** The keys in `input`, or undefined when it is a single key (or holds an escape sequence Ink already parsed). */
export function splitBurst(input: string): BurstKey[] | undefined {
	// eslint-disable-next-line no-control-regex
	if (input.length < 2 || input.includes('\u001B') || !/[\u0000-\u001F\u007F]/.test(input)) return undefined;
	// eslint-disable-next-line no-control-regex
	return (input.match(/[\u0000-\u001F\u007F]|[^\u0000-\u001F\u007F]+/g) ?? []).map(part => keyOf(part));
}

function keyOf(part: string): BurstKey {
	const code = part.codePointAt(0)!;
	if (part.length > 1 || (code >= 0x20 && code !== 0x7F)) return {input: part, key: {}};
	if (code === 0x0D || code === 0x0A) return {input: '', key: {return: true}};
	if (code === 0x09) return {input: '', key: {tab: true}};
	if (code === 0x7F || code === 0x08) return {input: '', key: {backspace: true}};
	// Ctrl-A … Ctrl-Z.
	return {input: String.fromCodePoint(code + 0x60), key: {ctrl: true}};
}
