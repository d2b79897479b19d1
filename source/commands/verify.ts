import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {abortAllChecks} from '../engine/checks/exec.js';
import {createController} from '../engine/controller.js';
import {formatVerifyJson} from '../reporters/verify-json.js';
import {formatVerifyPlain} from '../reporters/verify-plain.js';
import {verifyExitCode} from '../reporters/verify-summary.js';

/**
 * `tomesh-setup verify [--json]` (also `--verify`): runs every check of every (selected) runbook concurrently and
 * changes nothing — no file written but the audit log, no command run that is not a check. On a terminal (without
 * --json) the TUI shows the report; otherwise a plain or JSON report. Exit 0 when no check failed (skipped checks,
 * whose parameters have no value, are reported but do not fail verify), 1 when one did; 130 when interrupted
 * (Ctrl-C, SIGTERM), after every check command still running was killed.
 */
export async function verifyCommand(options: CliOptions): Promise<number> {
	const controller = await createController(options);
	if (process.stdout.isTTY === true && process.stdin.isTTY === true && !options.json) {
		const tui = await import('../ui/start-tui.js').catch(() => undefined);
		if (tui) return tui.startTui({controller, options, mode: 'verify'});
	}

	let interrupted = false;
	const onSignal = () => {
		interrupted = true;
		abortAllChecks();
	};

	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	let results;
	try {
		results = await controller.verifyAll({timeoutMs: options.timeoutMs});
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}

	// The check commands have been killed and waited for: nothing is left running.
	if (interrupted) {
		process.stderr.write('tomesh-setup: verify interrupted\n');
		return 130;
	}

	const report = options.json ? formatVerifyJson(results, controller.runbooks) : formatVerifyPlain(results, controller.runbooks);
	process.stdout.write(controller.mask(report));
	return verifyExitCode(results);
}
