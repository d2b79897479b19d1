import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {SetupDocument} from '../../source/domain/types.js';
import {temporaryDirectory} from '../helpers/temporary.js';
import {loadCachedDocuments} from '../../source/load-cached-documents.js';
import {loadDocuments} from '../../source/load-documents.js';
import type {DocumentCache} from '../../source/store/document-cache.js';

// A cache in memory that counts what it was asked and given.
function memoryCache(held: Map<string, SetupDocument> = new Map()) {
	const counts = {get: 0, set: 0};
	const cache: DocumentCache = {
		get(file) {
			counts.get++;
			return held.get(file);
		},
		set(file, _text, document) {
			counts.set++;
			held.set(file, document);
		},
	};
	return {cache, counts, held};
}


test('the shipped runbooks load as loadDocuments loads them: same documents, order and ids, parsed once then cached', async (t) => {
	const {cache, counts} = memoryCache();
	const first = await loadCachedDocuments([], cache);
	t.deepEqual(first, loadDocuments());
	t.is(counts.set, first.length, 'each document parsed and kept');
	const again = await loadCachedDocuments([], cache);
	t.deepEqual(again.map((document) => document.path), first.map((document) => document.path));
	t.is(counts.set, first.length, 'nothing parsed the second time');
});

test('a document the cache holds is not parsed at all: a text that would not parse is no error then', async (t) => {
	const dir = temporaryDirectory('tomesh-cached-docs-');
	const file = path.join(dir, 'doc.md');
	writeFileSync(file, '# T\n\n## Part\n\n### Steps\n\n1. Run `true`\n', {mode: 0o644});
	const {cache, held} = memoryCache();
	const [parsed] = await loadCachedDocuments([file], cache);
	// The file changes into a document with an error; a cache that still holds it (as a cache keyed by the text never
	// would) shows that the parser did not run.
	writeFileSync(file, '# T\n\n## Part\n\n### Steps\n\n1. Run `true`\n\n<!-- tomesh-setup: nonsense -->\n');
	t.is(held.get(file), parsed);
	t.deepEqual(await loadCachedDocuments([file], cache), [parsed]);
	t.throws(() => loadDocuments([file]), {message: /nonsense/});
});

test('errors come in the order loadDocuments gives them: an invalid first document before an unreadable second', async (t) => {
	const dir = temporaryDirectory('tomesh-cached-docs-');
	const invalid = path.join(dir, 'invalid.md');
	writeFileSync(invalid, '# T\n\n## Part\n\n### Steps\n\n1. Run `true`\n\n<!-- tomesh-setup: nonsense -->\n', {mode: 0o644});
	const missing = path.join(dir, 'missing.md');
	const expected = t.throws(() => loadDocuments([invalid, missing]));
	const error = await t.throwsAsync(loadCachedDocuments([invalid, missing], memoryCache().cache));
	t.is(error?.message, expected?.message);
});
