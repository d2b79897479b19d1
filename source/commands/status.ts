import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup status` — not built yet. */
export async function statusCommand(_options: CliOptions): Promise<number> {
	throw new InputError('status is not available yet');
}
