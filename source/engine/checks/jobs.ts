import type {StepPlan} from '../../domain/plan/plan-step.js';
import type {Parameter, Runbook, Session, Step} from '../../domain/types.js';
import type {AnyCheck, LaterFileChange} from './context.js';
import {fileActionChecks} from './file-action.js';

/** One check to run, with the session it runs in. Parameters must already be filled in (resolveStep). */
export interface CheckJob {
	/** Runbook id. */
	runbook: string;
	/** Step id. */
	step: string;
	/** The step's title, for reports that name the step. */
	stepTitle?: string;
	check: AnyCheck;
	cwd: string;
	/** The session's home (`~` in paths). */
	home: string;
	env: Record<string, string>;
	/** When set, the check is not run and is reported as skipped with this reason. */
	skip?: string;
}

/**
 * The parameters a runbook uses (its text contains their literal) that have no value: their checks cannot run.
 * Returns the skip reason, or undefined when every used parameter has a value.
 */
export function missingParameterReason(runbook: Runbook, parameters: Parameter[], values: Record<string, string>): string | undefined {
	const text = JSON.stringify(runbook.steps);
	const missing = parameters.filter(parameter => (values[parameter.name] ?? '') === '' && text.includes(parameter.literal));
	if (missing.length === 0) return undefined;
	const names = missing.map(parameter => parameter.name).join(', ');
	return `parameter ${names} has no value (set it with --set ${missing[0]!.name}=…)`;
}

/** A runbook's (resolved) steps with their plans from the runbook's origin (planRunbook), as checks need them. */
export interface PlannedRunbook {
	runbook: Runbook;
	steps: Step[];
	plans: StepPlan[];
}

/**
 * The check jobs of step `index` of a planned runbook: its own checks, then one per write/edit action. They run where
 * the document's `cd`s leave the shell after the step when the document fixes that directory (so verify on a machine
 * where nothing ran yet still finds `homeserver.yaml` in `~/.synapse`), otherwise in the session's directory; file
 * changes are checked at the paths the planner gave them. `skip` marks every job skipped with that reason.
 */
export function stepCheckJobs(planned: PlannedRunbook, index: number, session: Session & {home: string}, skip?: string): CheckJob[] {
	const step = planned.steps[index]!;
	const end = planned.plans[index]!.end;
	const checks: AnyCheck[] = [...step.checks, ...fileActionChecks(planned.plans[index]!, laterFileChanges(planned, index))];
	const cwd = end.fixed && end.cwd !== undefined ? end.cwd : session.cwd;
	return checks.map(check => ({
		runbook: planned.runbook.id,
		step: step.id,
		stepTitle: step.title,
		check,
		cwd,
		home: session.home,
		env: session.env,
		...(skip === undefined ? {} : {skip}),
	}));
}

// The write/edit actions of the steps after step `index`, at the paths the planner gave them.
function laterFileChanges(planned: PlannedRunbook, index: number): LaterFileChange[] {
	if (!planned.steps[index]!.actions.some(action => action.kind === 'write')) return [];
	return planned.plans.slice(index + 1).flatMap(plan =>
		plan.actions.flatMap(action => (action.kind === 'write' || action.kind === 'edit' ? [{action, target: action.target}] : [])),
	);
}
