import process from 'node:process';
import {InputError} from './domain/types.js';

/**
 * What a command that threw exits with, its one line written to stderr: bad input (InputError) → exit 2 with its
 * message; anything else is a bug → exit 1, one line, the stack only with TOMESH_SETUP_DEBUG. Never a stack trace
 * otherwise.
 */
export function reportFailure(error: unknown): number {
	if (error instanceof InputError) {
		process.stderr.write(`tomesh-setup: ${error.message}\n`);
		return 2;
	}

	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`tomesh-setup: internal error: ${message}\n`);
	if (process.env.TOMESH_SETUP_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
	return 1;
}
