import type {Step} from '../types.js';
import type {ShellPlace, Whereabouts} from './follow-cd.js';
import {planStep, type ReadText, type StepPlan} from './plan-step.js';

/**
 * Plans every step of a runbook in order from where it starts, in one walk: each step starts where the previous one
 * left the shell, and sees the files as the previous steps would leave them (plan diffs chain). Linear in the size of
 * the runbook.
 */
export function planRunbook(steps: Step[], origin: ShellPlace & {cwd: string}, read: ReadText): StepPlan[] {
	const files = new Map<string, string>();
	const readThrough: ReadText = file => (files.has(file) ? files.get(file) : read(file));
	let where: Whereabouts = {cwd: origin.cwd, fixed: false};
	return steps.map(step => {
		const plan = planStep(step, {home: origin.home, env: origin.env, where}, readThrough);
		for (const action of plan.actions) {
			if (action.target !== undefined && action.after !== undefined) files.set(action.target, action.after);
		}

		where = plan.end;
		return plan;
	});
}
