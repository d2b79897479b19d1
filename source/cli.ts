#!/usr/bin/env node
// Entry point: flags → command. Each command lives in its own module, loaded on demand so that
// `plan`, `lint`, `--help` and the headless commands never load Ink.
import {existsSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseCli, type CliOptions} from './cli-args.js';
import {opensTui} from './commands/tui-intent.js';
import {onClosedOutput} from './closed-output.js';
import {helpText} from './help.js';
import {reportFailure} from './report-failure.js';

declare const TOMESH_SETUP_VERSION: string | undefined;
declare const TOMESH_SETUP_BUILD_ID: string | undefined;

/**
 * The built walkthrough script beside this bundle (dist/walkthrough.js), when `run` or `verify` opens the TUI: it
 * starts faster from V8's code cache (see walkthrough-script.ts). Undefined from source, and for every other command.
 */
function walkthroughScript(options: CliOptions): string | undefined {
	if (typeof TOMESH_SETUP_BUILD_ID !== 'string' || !opensTui(options)) return undefined;
	const file = fileURLToPath(new URL('walkthrough.js', import.meta.url));
	return existsSync(file) ? file : undefined;
}

/** Runs the command named by the options; resolves to the process exit code. */
async function dispatch(options: CliOptions): Promise<number> {
	switch (options.command) {
		case 'plan': {
			return (await import('./commands/plan.js')).planCommand(options);
		}

		case 'verify': {
			const script = walkthroughScript(options);
			if (script) return (await import('./walkthrough-script.js')).runWalkthroughScript(options, script);
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
			const script = walkthroughScript(options);
			if (script) return (await import('./walkthrough-script.js')).runWalkthroughScript(options, script);
			return (await import('./commands/run.js')).runCommand(options);
		}
	}
}

async function main(): Promise<number> {
	const options = parseCli(process.argv.slice(2));
	if (!opensTui(options)) onClosedOutput(options);
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
	process.exitCode = reportFailure(error);
}
