import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';
import {engineOptions, openEngine} from './open-engine.js';
import {requireRoot} from './require-root.js';
import {runRepair} from '../engine/repair/run-repair.js';
import {runHeadless} from '../engine/run-headless.js';
import {acquireRunLock} from '../engine/run-lock.js';
import {plainRunReporter} from '../reporters/run-plain.js';
import {followIntent, isInteractiveRun, walkthroughStart} from './tui-intent.js';

/**
 * `tomesh-setup run`: the guided TUI on a terminal; `--yes` runs headless (plain line reporter, exit 1 at the first
 * failure, 0 when everything is done); without a terminal and without `--yes`, a usage error. `--repair` runs again
 * the done steps whose checks fail now or whose text changed (headless; without `--yes` it only lists them).
 */
export async function runCommand(options: CliOptions, {onFirstFrame}: {onFirstFrame?: () => void} = {}): Promise<number> {
	const interactive = isInteractiveRun(options);
	if (!interactive && !options.yes && !options.repair) throw new InputError('no terminal: use --yes to run without asking (or plan / verify)');
	requireRoot(options, 'the steps change the server\'s files and services', 'runs them as yourself');
	// The lock comes first: opening the engine may already save (a step a killed run left `running`).
	const settings = engineOptions(options);
	acquireRunLock(settings.stateDir);
	const controller = await openEngine(options, settings, {cacheDocuments: interactive});
	// Values given with --set are remembered, so the next run (after a reboot, say) needs no --set.
	if (Object.keys(options.set).length > 0) controller.setValues(options.set);
	if (interactive) {
		const tui = await import('../ui/start-tui.js').catch(() => undefined);
		if (!tui) throw new InputError('the interactive interface is not available in this build: use --yes to run without asking');
		const intent = await tui.startTui({controller, mode: 'run', ...walkthroughStart(options), onFirstFrame});
		// Leaving with work left (q, Ctrl-C twice): say where the next start picks up, as the headless run does.
		const resume = controller.resumePoint();
		if (resume && !intent.next && !resume.rebooted) {
			process.stdout.write(`Progress saved; next: ${resume.step} (${resume.status}). To continue: ${settings.resumeCommand}\n`);
		}

		return followIntent(intent, options);
	}

	// Ctrl-C, a kill, or a lost SSH session: stop the step, save it as interrupted, then exit. After a hang-up the
	// terminal is gone, so writes to it must not crash the process before progress is saved.
	const abort = new AbortController();
	const onSignal = () => abort.abort();
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	for (const signal of signals) process.once(signal, onSignal);
	process.stdout.on('error', () => undefined);
	try {
		const headless = {onEvent: plainRunReporter(), signal: abort.signal, allowRemovals: options.allowRemovals};
		return await (options.repair ? runRepair(controller, {...headless, assumeYes: options.yes}) : runHeadless(controller, headless));
	} finally {
		for (const signal of signals) process.off(signal, onSignal);
	}
}
