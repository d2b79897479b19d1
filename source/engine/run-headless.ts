import type {RunListener} from '../domain/events.js';
import {isFinished} from '../domain/step-state.js';
import {InputError} from '../domain/types.js';
import type {EngineController} from './controller.js';

/**
 * Runs every unfinished step of the selected runbooks in order, assuming yes, and stops at the first step that does not
 * end done. Resolves to the exit code: 0 all done (or a reboot was asked for), 1 a step failed, 130 interrupted.
 * Missing parameter values → InputError naming `--set`.
 */
export async function runHeadless(controller: EngineController, options: {onEvent: RunListener; signal?: AbortSignal; write?: (text: string) => void}): Promise<number> {
	const write = options.write ?? (text => process.stdout.write(text));
	const missing = controller.missingValues();
	if (missing.length > 0) {
		const names = missing.map(parameter => `--set ${parameter.name}=…`).join(' ');
		throw new InputError(`missing parameter value${missing.length > 1 ? 's' : ''}: run with ${names}`);
	}

	const resume = controller.resumePoint();
	if (resume?.rebooted) write(`↻ the server rebooted since the last run; continuing with ${resume.step}\n`);
	if (resume?.status === 'interrupted') write(`! ${resume.step} was interrupted; running it again (its file changes are idempotent)\n`);
	let ran = 0;
	for (const item of controller.allProgress()) {
		if (isFinished(item.status)) continue;
		ran++;
		const status = await controller.runStep(item.step.id, {assumeYes: true, signal: options.signal, onEvent: options.onEvent});
		if (status === 'awaiting-reboot') return 0;
		if (status === 'interrupted') return 130;
		if (status !== 'done') {
			write(`stopped at ${item.step.id}: fix the cause, then run again to resume there (progress: tomesh-setup status)\n`);
			return 1;
		}
	}

	const skipped = controller.allProgress().filter(item => item.status === 'skipped').length;
	const left = skipped > 0 ? `; ${skipped} step${skipped === 1 ? '' : 's'} skipped, so the setup is not complete (tomesh-setup status)` : '';
	write(`${ran === 0 ? `nothing to do: no step left to run` : `${ran} step${ran === 1 ? '' : 's'} run`}${left}\n`);
	return 0;
}
