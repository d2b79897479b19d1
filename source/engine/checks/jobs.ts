import os from 'node:os';
import process from 'node:process';
import type {Parameter, Runbook, Step} from '../../domain/types.js';
import type {FileAction} from '../../domain/edit/file-change.js';
import type {AnyCheck, LaterFileChange} from './context.js';
import {fileActionChecks} from './file-action.js';
import {predictEndCwd} from '../../domain/plan/predict-cwd.js';

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

/**
 * The check jobs of one (resolved) step: its own checks, then one per write/edit action. `skip` marks them all
 * skipped with that reason (e.g. from missingParameterReason). `resolve` (parameters → values) lets the checks run
 * where the document's `cd`s put them even when the session has not been there yet (see checkCwd).
 */
export function stepCheckJobs(
	runbook: Runbook,
	step: Step,
	session: {cwd: string; env: Record<string, string>},
	skip?: string,
	resolve?: (step: Step) => Step,
): CheckJob[] {
	const checks: AnyCheck[] = [...step.checks, ...fileActionChecks(step, laterFileChanges(runbook, step, session.cwd, resolve))];
	const cwd = checks.length === 0 ? session.cwd : checkCwd(runbook, step, session.cwd, resolve);
	return checks.map(check => ({
		runbook: runbook.id,
		step: step.id,
		stepTitle: step.title,
		check,
		cwd,
		env: session.env,
		...(skip === undefined ? {} : {skip}),
	}));
}

/** The write/edit actions of the steps after `step`, each with the directory its checks would run in. */
function laterFileChanges(runbook: Runbook, step: Step, sessionCwd: string, resolve?: (step: Step) => Step): LaterFileChange[] {
	const index = runbook.steps.findIndex(candidate => candidate.id === step.id);
	if (index === -1 || !step.actions.some(action => action.kind === 'write')) return [];
	return runbook.steps.slice(index + 1).flatMap(raw => {
		const later = resolve ? resolve(raw) : raw;
		const files = later.actions.filter((action): action is FileAction => action.kind === 'write' || action.kind === 'edit');
		if (files.length === 0) return [];
		const cwd = checkCwd(runbook, later, sessionCwd, resolve);
		return files.map(action => ({action, cwd}));
	});
}

/**
 * The directory a step's checks run in: where the `cd`s of this and the earlier steps leave the shell, when the
 * document fixes it (an absolute or `~` cd, a cwd annotation) — so that verify on a machine where nothing ran yet
 * still looks for `homeserver.yaml` in `~/.synapse` — otherwise the session's cwd. `resolve` fills parameters into
 * the earlier steps; without it only the session (and a cwd annotation) counts.
 */
export function checkCwd(runbook: Runbook, step: Step, sessionCwd: string, resolve?: (step: Step) => Step): string {
	const index = runbook.steps.findIndex(candidate => candidate.id === step.id);
	if (index === -1 || !resolve) return step.cwd ?? sessionCwd;
	const steps = [...runbook.steps.slice(0, index).map(earlier => resolve(earlier)), step];
	const home = process.env.HOME || os.homedir();
	const fromSession = predictEndCwd(steps, sessionCwd, home);
	return fromSession !== undefined && fromSession === predictEndCwd(steps, '/nonexistent/start', home) ? fromSession : sessionCwd;
}
