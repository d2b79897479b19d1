const jsonFragment = /^[{[]|^"[^"]*"\s*:|":\s*|^"[^"]*"[,}\]]/;

/** Collapses runs of whitespace so that column alignment in a document does not matter. */
export function normaliseLine(line: string): string {
	return line.trim().replaceAll(/\s+/g, ' ');
}

// `_matrix._tcp` in a transcript stands for `_matrix._tcp.example.net.` in dig's answer: a name relative to its zone.
function tokenMatches(expected: string, got: string): boolean {
	return got === expected || (got.startsWith(`${expected}.`) && !expected.endsWith('.'));
}

/**
 * Whether an output line shows an expected line of a transcript: the expected words appear in it, whole and in a
 * row (whitespace-insensitive: `3.10.3` is not shown by `3.10.30`), or in order, where extra columns (a TTL) may sit between them and a name
 * may be written relative to its zone (`_matrix._tcp` for `_matrix._tcp.example.net.`).
 */
export function lineShows(outputLine: string, expectedLine: string): boolean {
	const got = normaliseLine(outputLine);
	const expected = normaliseLine(expectedLine);
	// `"versions":` is a fragment of compact JSON (the Matrix APIs answer on one line): it shows anywhere in it.
	if (jsonFragment.test(expected)) return got.includes(expected) || got.replaceAll(/\s*([:,{}[\]])\s*/g, '$1').includes(expected.replaceAll(/\s*([:,{}[\]])\s*/g, '$1'));
	if (` ${got} `.includes(` ${expected} `)) return true;
	const words = got.split(' ');
	let at = 0;
	for (const word of expected.split(' ')) {
		while (at < words.length && !tokenMatches(word, words[at]!)) at++;
		if (at === words.length) return false;
		at++;
	}

	return true;
}
