import {secretMask} from '../secrets.js';
import {isSecretValue} from './find-values.js';
import {FormIndex} from './form-index.js';

/**
 * Masks known secret values wherever they appear. One masker is made when a command starts (from collectSecrets) and
 * handed to every place text leaves the tool: logs, events, saved state, reports, screens. It learns values that
 * become known later (a parameter typed in the form, a token a command exported).
 */
export interface Masker {
	/** `text` with every known secret value (and its JSON- or shell-quoted form) replaced by the mask. */
	mask(text: string): string;
	/** Adds secret values (values under 4 characters are ignored: masking them would hide half the text). */
	add(values: Iterable<string>): void;
	/** True when `value` is a known secret. */
	has(value: string): boolean;
	/** True while it knows no secret: `mask` gives back every text as it is. */
	empty(): boolean;
}

/** A masker over `secrets`. */
export function createMasker(secrets: Iterable<string> = []): Masker {
	const known = new Set<string>();
	const forms = new FormIndex();
	const masker: Masker = {
		mask: text => forms.replace(text, secretMask),
		add(values) {
			for (const value of values) {
				if (!isSecretValue(value) || known.has(value)) continue;
				known.add(value);
				for (const form of quotedForms(value)) forms.add(form);
			}
		},
		has: value => known.has(value),
		empty: () => known.size === 0,
	};
	masker.add(secrets);
	return masker;
}

/** A function masking `secrets` by value (see createMasker). */
export function maskWith(secrets: Iterable<string>): (text: string) => string {
	const masker = createMasker(secrets);
	return text => masker.mask(text);
}

/** Keys whose strings are identifiers (step and runbook ids): never masked, so that lookups by id keep working. */
const identifierKeys = new Set(['id', 'runbook', 'step']);

/** A copy of a JSON-like value with every string masked (object keys and ids kept). */
export function maskDeep<T>(value: T, mask: (text: string) => string): T {
	if (typeof value === 'string') return mask(value) as T;
	if (Array.isArray(value)) return value.map(item => maskDeep(item, mask)) as T;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) copy[key] = maskProperty(key, item, mask);
	return copy as T;
}

/**
 * A `JSON.stringify` replacer that masks every string as maskDeep does (object keys and ids kept): stringifying with it
 * gives the same text as stringifying maskDeep's copy, without making the copy.
 */
export function maskingReplacer(mask: (text: string) => string): (key: string, value: unknown) => unknown {
	return (key, value) => (typeof value === 'string' ? maskProperty(key, value, mask) : value);
}

/** One property of an object as maskDeep copies it (an id stays as it is). */
export function maskProperty(key: string, item: unknown, mask: (text: string) => string): unknown {
	return identifierKeys.has(key) && typeof item === 'string' ? item : maskDeep(item, mask);
}

// The value itself, as it reads inside a JSON string, and inside a single-quoted shell word.
function quotedForms(value: string): string[] {
	const json = JSON.stringify(value).slice(1, -1);
	const shell = value.replaceAll("'", String.raw`'\''`);
	return [value, json, shell].filter(form => form.length >= 4);
}
