import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup verify` — not built yet. */
export async function verifyCommand(_options: CliOptions): Promise<number> {
	throw new InputError('verify is not available yet');
}
