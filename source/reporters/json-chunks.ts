import {maskingReplacer, maskProperty} from '../domain/secrets/masker.js';

type Mask = (text: string) => string;

/**
 * `JSON.stringify(maskDeep(value, mask), null, 2)` in pieces, for a value too big to copy and print at once: the outer
 * `levels` of arrays and objects are written out here, what lies deeper is masked and stringified one item at a time.
 * A plan of ten thousand runbooks no longer holds a masked copy of itself and a string of it (hundreds of MB) at once.
 */
export function* maskedJsonChunks(value: unknown, mask: Mask, levels: number, indent = ''): Generator<string> {
	if (levels === 0 || value === null || typeof value !== 'object') {
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
		for (const [index, item] of value.entries()) {
			yield `${index === 0 ? '' : ','}\n${inner}`;
			if (omitted(item)) yield 'null';
			else yield* maskedJsonChunks(item, mask, levels - 1, inner);
		}

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
		if (typeof item === 'string') yield JSON.stringify(maskProperty(key, item, mask));
		else yield* maskedJsonChunks(item, mask, levels - 1, inner);
	}

	yield `\n${indent}}`;
}

// What JSON.stringify leaves out of an object (and writes as null in an array).
function omitted(item: unknown): boolean {
	return item === undefined || typeof item === 'function' || typeof item === 'symbol';
}

// Masked while stringified (no masked copy is made). JSON strings hold no raw newline: every newline of the text is a
// line break, indented one level deeper here.
function leaf(value: unknown, mask: Mask, indent: string): string {
	const text = JSON.stringify(value, maskingReplacer(mask), 2);
	return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
