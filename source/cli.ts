#!/usr/bin/env node
// Entry point: flags → command. Each command lives in its own module, loaded on demand so that
// `plan`, `lint`, `--help` and the headless commands never load Ink.
import process from 'node:process';
import {parseCli, type CliOptions} from './cli-args.js';
import {InputError} from './domain/types.js';
import {helpText} from './help.js';

declare const TOMESH_SETUP_VERSION: string | undefined;

/** Runs the command named by the options; resolves to the process exit code. */
async function dispatch(options: CliOptions): Promise<number> {
	switch (options.command) {
		case 'plan': {
			return (await import('./commands/plan.js')).planCommand(options);
		}

		case 'verify': {
			return (await import('./commands/verify.js')).verifyCommand(options);
		}

		case 'status': {
			return (await import('./commands/status.js')).statusCommand(options);
		}

		case 'undo': {
			return (await import('./commands/undo.js')).undoCommand(options);
		}

		case 'reset': {
			return (await import('./commands/reset.js')).resetCommand(options);
		}

		case 'lint': {
			return (await import('./commands/lint.js')).lintCommand(options);
		}

		case 'preflight': {
			return (await import('./commands/preflight.js')).preflightCommand(options);
		}

		case 'run': {
			return (await import('./commands/run.js')).runCommand(options);
		}
	}
}

async function main(): Promise<number> {
	const options = parseCli(process.argv.slice(2));
	if (options.help) {
		process.stdout.write(helpText);
		return 0;
	}

	if (options.version) {
		process.stdout.write(`${typeof TOMESH_SETUP_VERSION === 'string' ? TOMESH_SETUP_VERSION : 'dev'}\n`);
		return 0;
	}

	return dispatch(options);
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof InputError) {
		process.stderr.write(`tomesh-setup: ${error.message}\n`);
		process.exitCode = 2;
	} else {
		// An unexpected failure is a bug: say so in one line, with the detail only when asked for.
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`tomesh-setup: internal error: ${message}\n`);
		if (process.env.TOMESH_SETUP_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
		process.exitCode = 1;
	}
}
