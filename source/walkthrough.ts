/**
 * The walkthrough as one script (dist/walkthrough.js, built by scripts/walkthrough-bundle.js): `run` and `verify` on a
 * terminal, everything they can load in one file, so that V8 can keep its compiled code between starts (see
 * walkthrough-script.ts, which loads it). The command line was parsed by the CLI; failures are reported here, in
 * this script's own terms (its InputError is not the CLI's).
 */
import type {CliOptions} from './cli-args.js';
import {runCommand} from './commands/run.js';
import {verifyCommand} from './commands/verify.js';
import {reportFailure} from './report-failure.js';

/** Runs the walkthrough (or verify's report); resolves to the exit code. `onFirstFrame` is called once, when the first frame is on screen. */
export async function runWalkthrough(options: CliOptions, onFirstFrame: () => void): Promise<number> {
	try {
		return await (options.command === 'verify' ? verifyCommand(options, {onFirstFrame}) : runCommand(options, {onFirstFrame}));
	} catch (error) {
		return reportFailure(error);
	}
}
