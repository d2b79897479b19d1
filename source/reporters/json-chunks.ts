import {maskingReplacer, maskProperty} from '../domain/secrets/masker.js';

/** Masks a text; undefined when there is nothing to mask (no secret known). */
type Mask = ((text: string) => string) | undefined;

/**
 * `JSON.stringify(maskDeep(value, mask), null, 2)` in pieces, for a value too big to copy and print at once: arrays
 * and objects are written out here until what is left of them is about `budget` characters of JSON or less; those
 * parts are masked and stringified at once. A plan of ten thousand runbooks never holds a masked copy of itself and a
 * string of it (hundreds of MB) at once, and its small parts cost one native stringify each, not one step each.
 */
export function* maskedJsonChunks(value: unknown, mask: Mask, budget = 1 << 16, indent = ''): Generator<string> {
	if (value === null || typeof value !== 'object' || weight(value, budget) < budget) {
		yield leaf(value, mask, indent);
		return;
	}

	const inner = `${indent}  `;
	if (Array.isArray(value)) {
		if (value.length === 0) {
			yield '[]';
			return;
		}

		yield '[';
		let start = 0;
		let total = 0;
		// Runs of small items are stringified together (as one array whose brackets are left out); a big item is
		// written out on its own.
		const flush = function* (end: number): Generator<string> {
			if (end === start) return;
			const text = leaf(value.slice(start, end), mask, indent);
			yield `${start === 0 ? '' : ','}${text.slice(1, -(indent.length + 2))}`;
			start = end;
			total = 0;
		};

		for (const [index, item] of value.entries()) {
			const size = omitted(item) ? 4 : weight(item, budget);
			if (size < budget || omitted(item)) {
				if (total + size >= budget) yield* flush(index);
				total += size;
				continue;
			}

			yield* flush(index);
			yield `${index === 0 ? '' : ','}\n${inner}`;
			yield* maskedJsonChunks(item, mask, budget, inner);
			start = index + 1;
		}

		yield* flush(value.length);
		yield `\n${indent}]`;
		return;
	}

	const entries = Object.entries(value).filter(([, item]) => !omitted(item));
	if (entries.length === 0) {
		yield '{}';
		return;
	}

	yield '{';
	for (const [index, [key, item]] of entries.entries()) {
		yield `${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
		if (typeof item === 'string') yield JSON.stringify(mask ? maskProperty(key, item, mask) : item);
		else yield* maskedJsonChunks(item, mask, budget, inner);
	}

	yield `\n${indent}}`;
}

// About the length of `value` as JSON (its strings and keys, a few characters for anything else), counted only until
// it reaches `limit`: a big value is weighed at the cost of `limit`, so writing out a plan stays linear.
function weight(value: unknown, limit: number): number {
	let total = 0;
	const pending: unknown[] = [value];
	while (pending.length > 0 && total < limit) {
		const item = pending.pop();
		if (typeof item === 'string') {
			total += item.length + 4;
		} else if (Array.isArray(item)) {
			total += 4;
			for (const each of item) pending.push(each);
		} else if (item !== null && typeof item === 'object') {
			for (const key of Object.keys(item)) {
				total += key.length + 4;
				pending.push((item as Record<string, unknown>)[key]);
			}
		} else {
			total += 8;
		}
	}

	return total;
}

// What JSON.stringify leaves out of an object (and writes as null in an array).
function omitted(item: unknown): boolean {
	return item === undefined || typeof item === 'function' || typeof item === 'symbol';
}

// Masked while stringified (no masked copy is made); with nothing to mask, without a replacer, which keeps
// JSON.stringify on V8's fast path. Below the top the value is stringified inside one array per level of `indent`, so
// that JSON.stringify indents its lines itself, and the wrapping is cut off: re-indenting the text afterwards (a
// replace at every line break) cost more than stringifying it.
function leaf(value: unknown, mask: Mask, indent: string): string {
	const replacer = mask ? maskingReplacer(mask) : undefined;
	if (indent === '') return JSON.stringify(value, replacer, 2);
	const depth = indent.length / 2;
	let wrapped: unknown = value;
	for (let level = 0; level < depth; level++) wrapped = [wrapped];
	// Level k (from 0) opens with `[`, a line break and 2k + 2 spaces, and closes with a line break, 2k spaces and `]`.
	const text = JSON.stringify(wrapped, replacer, 2);
	return text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}
