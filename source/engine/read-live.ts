import {readdirSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {FileChangeError} from '../domain/edit/file-change.js';
import {readRegularFile} from '../store/safe-files.js';

/**
 * The text of a file on this machine for the planner: undefined when it does not exist, FileChangeError when it exists
 * but cannot be read (the action then shows why instead of a diff).
 */
export function readLiveText(file: string): string | undefined {
	try {
		// Never a FIFO or a device: planning must not wait for a writer or read /dev/zero forever.
		return readRegularFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw new FileChangeError(`${file} cannot be read here (${code ?? 'error'}): no diff`);
	}
}

/**
 * readLiveText for one whole plan: each directory is listed once, and a file missing from its directory's listing is
 * missing without opening it (a failed open costs an error with a stack: a plan of ten thousand new files spent a
 * second on them). A directory that cannot be listed falls back to opening the file.
 */
export function planReader(): (file: string) => string | undefined {
	const listings = new Map<string, Set<string> | 'missing' | 'unlisted'>();
	const listing = (directory: string) => {
		let names = listings.get(directory);
		if (names === undefined) {
			try {
				names = new Set(readdirSync(directory));
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				names = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unlisted';
			}

			listings.set(directory, names);
		}

		return names;
	};

	return file => {
		const name = path.basename(file);
		// `/`, `/etc/`, `x/..`: not a plain name in a listing, opened as always.
		if (name === '' || name === '.' || name === '..' || file.endsWith('/')) return readLiveText(file);
		const names = listing(path.dirname(file));
		if (names === 'missing') return undefined;
		if (names !== 'unlisted' && !names.has(name)) return undefined;
		return readLiveText(file);
	};
}

/** The text a file has now, or undefined when it does not exist; other errors (permissions, a directory) are thrown. */
export async function readCurrent(file: string, signal?: AbortSignal): Promise<string | undefined> {
	try {
		return await readFile(file, {encoding: 'utf8', signal});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
