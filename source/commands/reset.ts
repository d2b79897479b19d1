import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup reset` — not built yet. */
export async function resetCommand(_options: CliOptions): Promise<number> {
	throw new InputError('reset is not available yet');
}
