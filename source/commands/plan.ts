import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup plan` — not built yet. */
export async function planCommand(_options: CliOptions): Promise<number> {
	throw new InputError('plan is not available yet');
}
