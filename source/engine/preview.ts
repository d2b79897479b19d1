import {planStep, type PlanPlace, type StepPlan} from '../domain/plan/plan-step.js';
import type {Step} from '../domain/types.js';
import type {PreviewedAction} from './controller-types.js';
import {readLiveText} from './read-live.js';

/** The planner's view of a (resolved) step from where its session is now, against the files on this machine. */
export function planLiveStep(step: Step, place: PlanPlace): StepPlan {
	return planStep(step, place, readLiveText);
}

/** What each action of a step plan shows the operator: the exact command, or the path and diff of a file change. */
export function previewOf(plan: StepPlan): PreviewedAction[] {
	return plan.actions.map(({before: _before, after: _after, ...action}) => ({
		action,
		description: action.description,
		...(action.kind === 'run' ? {command: action.command} : {}),
		...(action.diff === undefined ? {} : {diff: action.diff}),
		...(action.target === undefined ? {} : {path: action.target}),
		...(action.problem === undefined ? {} : {problem: action.problem}),
	}));
}
