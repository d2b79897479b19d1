import type {Parameter} from '../types.js';
import {replacements, substituteText, type Replacement} from './substitute.js';

const placeholder = /^(?:[A-Za-z\d]+:)?[A-Z][A-Z\d_]{2,}$/;

/**
 * The replacements prose takes (titles, headings, instructions, notes): every value but those of placeholders,
 * which read better as written ("where `VERSION` can be a branch…").
 */
export function proseReplacements(parameters: Parameter[], values: Record<string, string>): Replacement[] {
	return replacements(parameters, values).filter(item => !placeholder.test(item.literal));
}

/** `text` (a title, a heading, an instruction) with the operator's values in place of the document's own. */
export function fillProse(text: string, parameters: Parameter[], values: Record<string, string>): string {
	return substituteText(text, proseReplacements(parameters, values));
}
