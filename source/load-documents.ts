import {parseDocument} from './domain/parse/parse-document.js';
import type {SetupDocument} from './domain/types.js';
import {documentPaths, orderedDocuments, readDocument} from './document-files.js';

export {runbooksDirectory} from './document-files.js';

/**
 * Parses the `--doc` files, or every `*.md` of the shipped runbooks/ when none is given (the walkthrough's cached
 * loading is loadCachedDocuments). Throws InputError (`file: …` or `file:line: …`) for an unreadable, untrusted (see
 * readDocument) or invalid document.
 */
export function loadDocuments(files: string[] = [], directory?: string, options: {trust?: boolean} = {}): SetupDocument[] {
	const documents = documentPaths(files, directory).map((file) => parseDocument(readDocument(file, options.trust ?? false), file));
	return orderedDocuments(documents, files.length > 0);
}
