import {isFinished} from '../../domain/step-state.js';
import type {EngineController} from '../controller.js';
import {requireValues, runSteps, type HeadlessOptions} from '../run-headless.js';
import {describeRepairReasons} from './select-repairs.js';

/**
 * `run --repair`: checks every step, lists the done steps to run again and why (a failing check, a changed text, an
 * earlier step of the procedure running again), then — with `assumeYes` — runs them in order and stops at the first
 * that does not end done. Without `assumeYes` it only lists them. Resolves to the exit code: 0 nothing to repair,
 * repaired, or only listed; 1 a step failed; 130 interrupted (also while checking).
 */
export async function runRepair(controller: EngineController, options: HeadlessOptions & {assumeYes: boolean}): Promise<number> {
	const write = options.write ?? (text => process.stdout.write(text));
	requireValues(controller, 'all');
	const repairs = await controller.repairPlan({signal: options.signal});
	if (options.signal?.aborted) return 130;
	const unfinished = controller.allProgress().filter(item => !isFinished(item.status)).length;
	const later = unfinished === 0 ? '' : ` (${unfinished} step${unfinished === 1 ? ' is' : 's are'} not done yet: a plain run does ${unfinished === 1 ? 'it' : 'them'})`;
	if (repairs.length === 0) {
		write(`nothing to repair: every check passes and no done step changed${later}\n`);
		return 0;
	}

	write(`to run again (${repairs.length}):\n`);
	for (const {progress, reasons} of repairs) write(`  ↺ ${progress.step.id} ${progress.step.title}\n      ${describeRepairReasons(reasons)}\n`);
	if (!options.assumeYes) {
		write('nothing changed: run again with --yes to run these steps\n');
		return 0;
	}

	const outcome = await runSteps(controller, repairs.map(repair => repair.progress.step.id), options);
	if (outcome !== 'all done') return outcome;
	write(`repaired: ${repairs.length} step${repairs.length === 1 ? '' : 's'} run again${later}\n`);
	return 0;
}
