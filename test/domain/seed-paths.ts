// Where the shared documents are: ../shared relative to the repository root, read in place, never copied.
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The original setup document. */
export const seedPath = path.join(repoRoot, '../shared/seeds/tomesh-chat.md');
/** Later versions of the document and the Wekan document, for test material. */
export const corpusDir = path.join(repoRoot, '../shared/corpus');
/** The shipped runbook (the seed with annotations). */
export const shippedPath = path.join(repoRoot, 'runbooks/tomesh-chat.md');
