import process from 'node:process';
import type {CliOptions} from '../cli-args.js';

/** True when `run` opens the walkthrough: stdin and stdout are terminals, and neither --yes nor --repair was given. */
export function isInteractiveRun(options: CliOptions): boolean {
	return process.stdout.isTTY === true && process.stdin.isTTY === true && !options.yes && !options.repair;
}

/** True when `verify` shows its report in the TUI: stdin and stdout are terminals, and no --json or --format was given. */
export function isInteractiveVerify(options: CliOptions): boolean {
	return process.stdout.isTTY === true && process.stdin.isTTY === true && !options.json && options.format === undefined;
}

/** True when the command line opens the TUI: `run` or `verify` on a terminal (see the two above). */
export function opensTui(options: CliOptions): boolean {
	return (options.command === 'run' && isInteractiveRun(options)) || (options.command === 'verify' && isInteractiveVerify(options));
}

/** How the walkthrough starts, from the command line: the TUI itself never sees the command line. */
export function walkthroughStart(options: CliOptions): {only: boolean; trial: boolean; preset: boolean} {
	return {only: options.only !== undefined, trial: options.state !== undefined, preset: Object.keys(options.set).length > 0};
}

/** Carries out what the operator asked the TUI for on leaving it (the plan printed, say); resolves to the exit code. */
export async function followIntent(intent: {code: number; next?: 'plan'}, options: CliOptions): Promise<number> {
	if (intent.next === 'plan') return (await import('./plan.js')).planCommand({...options, command: 'plan'});
	return intent.code;
}
