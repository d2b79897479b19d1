import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup run` — not built yet. */
export async function runCommand(_options: CliOptions): Promise<number> {
	throw new InputError('run is not available yet');
}
