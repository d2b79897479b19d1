import {readFile} from 'node:fs/promises';
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

/** The text a file has now, or undefined when it does not exist; other errors (permissions, a directory) are thrown. */
export async function readCurrent(file: string, signal?: AbortSignal): Promise<string | undefined> {
	try {
		return await readFile(file, {encoding: 'utf8', signal});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
