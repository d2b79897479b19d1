// Where the setup documents used as test material are: copies kept in the repository (test/fixtures/documents, with
// their origin in SOURCES.tsv), so a clone with nothing beside it runs every test.
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The folder of the original documents: the seed, and corpus/ beneath it. */
export const documentsDir = path.join(repoRoot, 'test/fixtures/documents');
/** The seed's path as the tests name it on the command line, relative to the repository root. */
export const seedArgument = 'test/fixtures/documents/tomesh-chat.md';
/** The original setup document. */
export const seedPath = path.join(repoRoot, seedArgument);
/** Later versions of the document and the Wekan document, for test material. */
export const corpusDir = path.join(documentsDir, 'corpus');
/** The shipped runbook (the seed with annotations). */
export const shippedPath = path.join(repoRoot, 'runbooks/tomesh-chat.md');
