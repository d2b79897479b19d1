import type {RunListener} from '../domain/events.js';
import {aptSimulations} from '../domain/apt/apt-commands.js';
import {aptRemovals, describeAptSummary} from '../domain/apt/apt-simulation.js';
import {parametersUsedIn} from '../domain/params/parameters.js';
import {isFinished} from '../domain/step-state.js';
import {InputError} from '../domain/types.js';
import type {EngineController} from './controller.js';

/** Options of a headless run: where events go, what aborts it, where its own lines go (stdout by default). */
export interface HeadlessOptions {
	onEvent: RunListener;
	signal?: AbortSignal;
	write?: (text: string) => void;
	/** A step whose apt commands remove packages runs; without it the run stops before that step. */
	allowRemovals?: boolean;
}

/**
 * Runs every unfinished step of the selected runbooks in order, assuming yes, and stops at the first step that does not
 * end done. Resolves to the exit code: 0 all done (or a reboot was asked for), 1 a step failed, 130 interrupted.
 * Missing parameter values → InputError naming `--set`.
 */
export async function runHeadless(controller: EngineController, options: HeadlessOptions): Promise<number> {
	const write = options.write ?? (text => process.stdout.write(text));
	requireValues(controller);
	for (const notice of controller.notices) write(`! ${notice}\n`);
	const resume = controller.resumePoint();
	if (resume?.rebooted) write(`↻ the server rebooted since the last run${resume.rebootedBy ? ` (asked for by ${resume.rebootedBy})` : ''}; continuing with ${resume.step}\n`);
	if (resume?.status === 'interrupted') write(`! ${resume.step} was interrupted; running it again (its file changes are idempotent)\n`);
	const steps = controller.allProgress().filter(item => !isFinished(item.status)).map(item => item.step.id);
	const outcome = await runSteps(controller, steps, options);
	if (outcome !== 'all done') return outcome;
	const skipped = controller.allProgress().filter(item => item.status === 'skipped').length;
	const left = skipped > 0 ? `; ${skipped} step${skipped === 1 ? '' : 's'} skipped, so the setup is not complete (tomesh-setup status)` : '';
	write(`${steps.length === 0 ? 'nothing to do: no step left to run' : `${steps.length} step${steps.length === 1 ? '' : 's'} run`}${left}\n`);
	return 0;
}

/**
 * Throws InputError naming `--set` for every parameter that the steps left to run use and that has no value yet (a
 * headless run cannot ask); a later procedure's placeholder is not needed now.
 */
export function requireValues(controller: EngineController, which: 'left to run' | 'all' = 'left to run'): void {
	const left = controller.allProgress().filter(item => which === 'all' || !isFinished(item.status)).map(item => item.step);
	const used = new Set(parametersUsedIn(controller.parameters, left).map(parameter => parameter.name));
	const missing = controller.missingValues().filter(parameter => used.has(parameter.name));
	if (missing.length === 0) return;
	const names = missing.map(parameter => `--set ${parameter.name}=…`).join(' ');
	throw new InputError(`missing parameter value${missing.length > 1 ? 's' : ''}: run with ${names}`);
}

/**
 * Runs the given steps in order, assuming yes; stops at the first that does not end done. Resolves to 'all done', or
 * the exit code to stop with: 0 a reboot was asked for, 1 a step failed (said on a line), 130 interrupted.
 */
export async function runSteps(controller: EngineController, steps: string[], options: HeadlessOptions): Promise<'all done' | number> {
	const write = options.write ?? (text => process.stdout.write(text));
	for (const step of steps) {
		// eslint-disable-next-line no-await-in-loop
		const removals = await showPackageChanges(controller, step, write);
		if (removals.length > 0 && !options.allowRemovals) {
			write(`stopped before ${step}: it removes package${removals.length === 1 ? '' : 's'} ${removals.join(' ')}; run again with --allow-removals to let it\n`);
			return 1;
		}

		// eslint-disable-next-line no-await-in-loop
		const status = await controller.runStep(step, {assumeYes: true, signal: options.signal, onEvent: options.onEvent});
		if (status === 'awaiting-reboot') return 0;
		if (status === 'interrupted') return 130;
		if (status !== 'done') {
			write(`stopped at ${step}: fix the cause, then run again to resume there (progress: tomesh-setup status)\n`);
			return 1;
		}
	}

	return 'all done';
}

/**
 * Prints what apt's simulation says a step's package commands will do (as the walkthrough shows it) and returns the
 * packages they would remove.
 */
async function showPackageChanges(controller: EngineController, stepId: string, write: (text: string) => void): Promise<string[]> {
	const {step} = controller.find(stepId);
	if (!step.actions.some(action => action.kind === 'run' && aptSimulations(action.command).length > 0)) return [];
	const previews = await controller.preview(stepId);
	for (const preview of previews) {
		if (preview.apt) write(`${stepId} changes packages (apt-get -s of: ${preview.command ?? ''})\n${describeAptSummary(preview.apt).map(line => `    ${line}\n`).join('')}`);
	}

	return aptRemovals(previews);
}
