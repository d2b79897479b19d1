// Parsed documents kept in the state directory, so that the TUI's start does not parse the same runbooks again
// (parsing the shipped ones is ~60 ms of CPU before the first frame; reading the cached JSON is under 1 ms).
import {createHash} from 'node:crypto';
import path from 'node:path';
import type {SetupDocument} from '../domain/types.js';
import {isPrivateDirectory, readPrivateFile, replaceCacheFile} from './safe-files.js';

/** Where parsed documents are looked up and kept; see documentCache. */
export interface DocumentCache {
	/** The document parsed earlier from exactly `text` at `file` by this build, or undefined. */
	get(file: string, text: string): SetupDocument | undefined;
	/** Keeps `document`, parsed from `text` at `file` (best effort: a failure to write is ignored). */
	set(file: string, text: string, document: SetupDocument): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Only what a parse can produce is used: an entry of another shape (damaged, hand-edited) is a miss.
function isDocument(value: unknown): value is SetupDocument {
	const document = value as SetupDocument;
	return (
		typeof document === 'object' &&
		document !== null &&
		typeof document.path === 'string' &&
		typeof document.title === 'string' &&
		Array.isArray(document.parameters) &&
		Array.isArray(document.runbooks) &&
		document.runbooks.every(runbook => typeof runbook?.id === 'string' && Array.isArray(runbook.steps))
	);
}

/**
 * The cache of parsed documents in `stateDir`/parsed, one entry a document file, keyed by the sha256 of the document's
 * text, its path and `buildId` (the build of the parser that made it). Undefined — no cache — when the state directory
 * does not exist yet (read-only commands create nothing) or fails the ownership checks of checkPrivateDirectory. An
 * entry is read only when it is a regular file of this user's that nobody else can write and not a link; one that is
 * stale, damaged or of the wrong shape is ignored, and replaced atomically by the next parse.
 */
export function documentCache(stateDir: string, buildId: string): DocumentCache | undefined {
	if (!isPrivateDirectory(stateDir)) return undefined;

	const directory = path.join(stateDir, 'parsed');
	const entryFile = (file: string) => path.join(directory, `${sha256(path.resolve(file)).slice(0, 32)}.json`);
	// The path as given is part of the key: the parsed document names its file that way.
	const key = (file: string, text: string) => sha256(`${buildId}\0${file}\0${text}`);
	return {
		get(file, text) {
			try {
				const entry = JSON.parse(readPrivateFile(entryFile(file))) as {key?: unknown; document?: unknown};
				return entry.key === key(file, text) && isDocument(entry.document) ? entry.document : undefined;
			} catch {
				return undefined;
			}
		},
		set(file, text, document) {
			replaceCacheFile(entryFile(file), JSON.stringify({key: key(file, text), document}));
		},
	};
}
