// V8's compiled code for the walkthrough, kept in the state directory so that the next start does not compile Ink,
// React and the engine again (see source/walkthrough-script.ts). Compiled code is code: it is read only from where
// nothing but this user can have written it, and only when it was made from exactly the script being run.
import {createHash} from 'node:crypto';
import path from 'node:path';
import {isPrivateDirectory, readPrivateBytes, replaceCacheFile} from './safe-files.js';

/** The code cache of one script in one state directory; see codeCache. */
export interface CodeCache {
	/** V8's cached data made for `key`, or undefined (none yet, another key, or not this user's own file). */
	read(): Buffer | undefined;
	/** Keeps `data` for `key`, replacing what was there (best effort: a failure to write is ignored). */
	write(data: Buffer): void;
}

// The file: the key (a sha256 digest), the sha256 digest of the data, the data. V8 checks the data's length and
// version but, in release builds, not its checksum: damaged bytes would be run. The digest is checked here.
const keyLength = 32;
const digest = (data: Buffer) => createHash('sha256').update(data).digest();

/**
 * The cache in `stateDir`/code-cache/`name`.bin for `key` (the digest of the script's text, the Node version and
 * anything else that must match). Undefined — nothing read or written — when the state directory does not exist yet
 * or fails the ownership checks of checkPrivateDirectory. The file is read only when it is a regular file of this
 * user's that nobody else can write, not a link, starts with `key` and holds the data its digest names; it is written
 * atomically, mode 0600.
 */
export function codeCache(stateDir: string, name: string, key: Buffer): CodeCache | undefined {
	if (key.length !== keyLength) throw new Error(`a code cache key is ${keyLength} bytes`);
	if (!isPrivateDirectory(stateDir)) return undefined;

	const file = path.join(stateDir, 'code-cache', `${name}.bin`);
	return {
		read() {
			try {
				const bytes = readPrivateBytes(file);
				const data = bytes.subarray(2 * keyLength);
				return bytes.subarray(0, keyLength).equals(key) && bytes.subarray(keyLength, 2 * keyLength).equals(digest(data)) ? data : undefined;
			} catch {
				return undefined;
			}
		},
		write(data) {
			replaceCacheFile(file, Buffer.concat([key, digest(data), data]));
		},
	};
}
