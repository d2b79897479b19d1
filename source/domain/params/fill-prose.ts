import type {Parameter} from '../types.js';
import {isPlaceholder, replacements, substituteText, type Replacement} from './substitute.js';

/** Of `list`, the replacements prose takes: all but those of placeholders (see proseReplacements). */
export function proseOnly(list: Replacement[]): Replacement[] {
	return list.filter(item => !isPlaceholder(item.literal));
}

/**
 * The replacements prose takes (titles, headings, instructions, notes): every value but those of placeholders,
 * which read better as written ("where `VERSION` can be a branch…").
 */
export function proseReplacements(parameters: Parameter[], values: Record<string, string>): Replacement[] {
	return proseOnly(replacements(parameters, values));
}

/** `text` (a title, a heading, an instruction) with the operator's values in place of the document's own. */
export function fillProse(text: string, parameters: Parameter[], values: Record<string, string>): string {
	return substituteText(text, proseReplacements(parameters, values));
}
