/** Temporary directories for tests, removed when the test file's process ends. */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

// ava runs each test file in its own child process that ends with a normal exit, so 'exit' is the last moment
// that always comes and the only one where removing the directories cannot pull them from under a running test.
// First in line: a later 'exit' listener that throws (the product's own clean-ups) would skip the ones after it.
process.prependListener('exit', removeTemporaryDirectories);

/**
 * Makes a new directory `<tmpdir>/<prefix>XXXXXX` (like mkdtempSync) and removes it, with everything in it,
 * when the process exits.
 */
export function temporaryDirectory(prefix: string): string {
	const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(directory);
	return directory;
}

/** Removes every directory made so far by temporaryDirectory (the exit handler; exported for tests). */
export function removeTemporaryDirectories(): void {
	for (const directory of made.splice(0)) {
		try {
			rmSync(directory, {recursive: true, force: true, maxRetries: 3});
		} catch {
			// An exit handler must not throw: one directory that cannot go must not keep the others.
		}
	}
}
