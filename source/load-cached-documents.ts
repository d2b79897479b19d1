import type {SetupDocument} from './domain/types.js';
import {documentPaths, orderedDocuments, readDocument} from './document-files.js';
import type {DocumentCache} from './store/document-cache.js';

/**
 * loadDocuments for the walkthrough, whose parsed documents are cached: the parser (marked and the parse modules) is
 * loaded only for a document the cache does not hold, so the usual start (runbooks unchanged) never loads it before
 * its first frame. The same documents, order, ids and errors as loadDocuments.
 */
export async function loadCachedDocuments(files: string[], cache: DocumentCache, options: {trust?: boolean; directory?: string} = {}): Promise<SetupDocument[]> {
	let parse: ((text: string, file: string) => SetupDocument) | undefined;
	const documents: SetupDocument[] = [];
	for (const file of documentPaths(files, options.directory)) {
		const text = readDocument(file, options.trust ?? false);
		// A document parsed before from the same text comes from the cache; an invalid one is never cached, so it is
		// reported again at every start.
		let document = cache.get(file, text);
		if (!document) {
			parse ??= (await import('./domain/parse/parse-document.js')).parseDocument;
			document = parse(text, file);
			cache.set(file, text, document);
		}

		documents.push(document);
	}

	return orderedDocuments(documents, files.length > 0);
}
