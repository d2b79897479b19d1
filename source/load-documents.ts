import {parseDocument} from './domain/parse/parse-document.js';
import type {SetupDocument} from './domain/types.js';
import {documentPaths, orderedDocuments, readDocument} from './document-files.js';
import type {DocumentCache} from './store/document-cache.js';

export {runbooksDirectory} from './document-files.js';

/**
 * Parses the `--doc` files, or every `*.md` of the shipped runbooks/ when none is given, through `cache` when given.
 * Throws InputError (`file: …` or `file:line: …`) for an unreadable, untrusted (see readDocument) or invalid document.
 */
export function loadDocuments(files: string[] = [], directory?: string, options: {trust?: boolean; cache?: DocumentCache} = {}): SetupDocument[] {
	const documents = documentPaths(files, directory).map((file) => {
		const text = readDocument(file, options.trust ?? false);
		// A document parsed before from the same text comes from the cache; an invalid one is never cached, so it is
		// reported again at every start.
		const cached = options.cache?.get(file, text);
		if (cached) return cached;
		const document = parseDocument(text, file);
		options.cache?.set(file, text, document);
		return document;
	});
	return orderedDocuments(documents, files.length > 0);
}
