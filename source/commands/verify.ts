import os from 'node:os';
import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {openEngine} from './open-engine.js';
import {requireRoot} from './require-root.js';
import {shownRunbookTitles} from '../domain/params/shown-document.js';
import {formatVerifyJson} from '../reporters/verify-json.js';
import {formatVerifyJunit} from '../reporters/verify-junit.js';
import {formatVerifyPlain} from '../reporters/verify-plain.js';
import {formatVerifyTap} from '../reporters/verify-tap.js';
import {verifyExitCode} from '../reporters/verify-summary.js';
import {maskSecrets} from '../domain/secrets.js';
import {followIntent, isInteractiveVerify, walkthroughStart} from './tui-intent.js';

/**
 * `tomesh-setup verify [--json | --format json|junit|tap]` (also `--verify`): runs every check of every (selected) runbook concurrently and
 * changes nothing — no file written but the audit log, no command run that is not a check. On a terminal (without
 * --json or --format) the TUI shows the report; otherwise a plain (ending with a one-line summary for monitoring),
 * JSON, JUnit XML or TAP report. Exit 0 when no check failed (skipped checks,
 * whose parameters have no value, are reported but do not fail verify), 1 when one did; 130 when interrupted
 * (Ctrl-C, SIGTERM), after every check command still running was killed.
 */
export async function verifyCommand(options: CliOptions, {onFirstFrame}: {onFirstFrame?: () => void} = {}): Promise<number> {
	// The checks look at root's home (~/.synapse) and the server's files: as anyone else they would check the wrong ones.
	requireRoot(options, 'the checks look at root\'s files', 'checks as yourself');
	const controller = await openEngine(options);
	if (isInteractiveVerify(options)) {
		const tui = await import('../ui/start-tui.js').catch(() => undefined);
		if (tui) return followIntent(await tui.startTui({controller, mode: 'verify', ...walkthroughStart(options), onFirstFrame}), options);
	}

	// Check commands run in their own process groups, out of reach of a Ctrl-C at the terminal: the signal ends them.
	const abort = new AbortController();
	const onSignal = () => abort.abort();

	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	let results;
	try {
		results = await controller.verifyAll({signal: abort.signal});
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}

	// The check commands have been killed and waited for: nothing is left running.
	if (abort.signal.aborted) {
		process.stderr.write('tomesh-setup: verify interrupted\n');
		return 130;
	}

	const run = {host: os.hostname(), at: new Date()};
	// The headings name the operator's hosts, as the checks that ran did.
	const values = controller.values();
	const shown = new Map(controller.documents.flatMap(document => document.runbooks.map(runbook => [runbook.id, shownRunbookTitles(runbook, document, values)] as const)));
	const runbooks = controller.runbooks.map(runbook => shown.get(runbook.id) ?? runbook);
	const format = options.format ?? (options.json ? 'json' : 'plain');
	const reports = {
		json: () => formatVerifyJson(results, runbooks),
		junit: () => formatVerifyJunit(results, runbooks, run),
		tap: () => formatVerifyTap(results, runbooks),
		plain: () => formatVerifyPlain(results, runbooks, run),
	};
	process.stdout.write(controller.mask(reports[format]()));
	return verifyExitCode(results);
}
