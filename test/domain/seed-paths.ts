// Where the shared documents are: the nearest ../shared above the repository root (a checkout beside shared/, or a
// worktree nested deeper), read in place, never copied.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

function sharedDir(): string {
	for (let dir = path.dirname(repoRoot); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'shared/seeds'))) return path.join(dir, 'shared');
	}

	return path.join(repoRoot, '../shared');
}

const shared = sharedDir();
/** The original setup document. */
export const seedPath = path.join(shared, 'seeds/tomesh-chat.md');
/** Later versions of the document and the Wekan document, for test material. */
export const corpusDir = path.join(shared, 'corpus');
/** The shipped runbook (the seed with annotations). */
export const shippedPath = path.join(repoRoot, 'runbooks/tomesh-chat.md');
