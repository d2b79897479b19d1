import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/**
 * Refuses a command that works on the server's own files for a user other than root, unless `--state` (or
 * TOMESH_SETUP_STATE) says where this user's own progress lives (tests, trying a document as yourself). Without it
 * a user's run would start the root steps of the documents as that user, fail at the first one, and leave its
 * progress in a home directory that `sudo tomesh-setup` never reads.
 * `reason`: what needs root; `asYourself`: what `--state DIR` does instead.
 */
export function requireRoot(options: Pick<CliOptions, 'state'>, reason: string, asYourself: string): void {
	if (process.getuid?.() !== 0 && !options.state) throw new InputError(`needs root: ${reason} (run it with sudo; --state DIR ${asYourself})`);
}
