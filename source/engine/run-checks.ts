import os from 'node:os';
import process from 'node:process';
import type {CheckResult, RunListener} from '../domain/events.js';
import {predictEndCwd} from './predict-end-cwd.js';
import type {Parameter, Runbook, Step} from '../domain/types.js';
import {formatDuration, type AnyCheck, type CheckContext, type CheckExec, type CheckOutcome} from './check-context.js';
import {runCommandCheck} from './check-command.js';
import {fileActionChecks, runFileActionCheck} from './check-file-action.js';
import {runFileCheck} from './check-file.js';
import {runHttpCheck} from './check-http.js';
import {runPortCheck} from './check-port.js';
import {defaultCheckExec} from './check-exec.js';

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

/** Options of `runChecks`. */
export interface RunChecksOptions {
	/** Per-check timeout (default 10 s). */
	timeoutMs?: number;
	/** Receives `{type: 'check', result}` as each check finishes. */
	onEvent?: RunListener;
	signal?: AbortSignal;
	/** Runs command checks; defaults to the engine's shell runner. */
	exec?: CheckExec;
}

/**
 * Runs every check concurrently, each with its own timeout, so a dead network costs one timeout, not the sum.
 * Checks never change anything. Resolves to one result per job, in the jobs' order; never rejects.
 */
export async function runChecks(jobs: CheckJob[], options: RunChecksOptions = {}): Promise<CheckResult[]> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const exec = options.exec ?? defaultCheckExec;
	return Promise.all(
		jobs.map(async job => {
			const outcome = job.skip === undefined ? await runOne(job, timeoutMs, exec, options.signal) : {status: 'skip' as const, detail: job.skip};
			const result: CheckResult = {
				runbook: job.runbook,
				step: job.step,
				title: checkTitle(job.check),
				status: outcome.status,
				detail: outcome.detail,
				...(outcome.hint === undefined ? {} : {hint: outcome.hint}),
				...(job.stepTitle === undefined ? {} : {stepTitle: job.stepTitle}),
				...(job.check.kind === 'file-action' ? {} : {check: job.check}),
			};
			options.onEvent?.({type: 'check', result});
			return result;
		}),
	);
}

async function runOne(job: CheckJob, timeoutMs: number, exec: CheckExec, outer?: AbortSignal): Promise<CheckOutcome> {
	const controller = new AbortController();
	const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
	const context: CheckContext = {cwd: job.cwd, env: job.env, timeoutMs, signal, exec};
	let timer: NodeJS.Timeout | undefined;
	// A runner that ignores its signal (a stuck read) still cannot hold verify past its timeout.
	const expired = new Promise<CheckOutcome>(resolve => {
		timer = setTimeout(() => {
			controller.abort();
			resolve({status: 'fail', detail: `timed out after ${formatDuration(timeoutMs)}`});
		}, timeoutMs + 250);
	});
	try {
		return await Promise.race([dispatch(job.check, context), expired]);
	} catch (error) {
		if (signal.aborted && outer?.aborted) return {status: 'skip', detail: 'cancelled'};
		return {status: 'fail', detail: (error as Error).message};
	} finally {
		clearTimeout(timer);
		controller.abort();
	}
}

async function dispatch(check: AnyCheck, context: CheckContext): Promise<CheckOutcome> {
	switch (check.kind) {
		case 'command': {
			return runCommandCheck(check, context);
		}

		case 'file': {
			return runFileCheck(check, context);
		}

		case 'http': {
			return runHttpCheck(check, context);
		}

		case 'port': {
			return runPortCheck(check, context);
		}

		case 'file-action': {
			return runFileActionCheck(check, context);
		}
	}
}

/** A one-line description of what a check looks at (its annotation title when it has one). */
export function checkTitle(check: AnyCheck): string {
	if (check.title) return check.title;
	switch (check.kind) {
		case 'command': {
			const command = check.command.split('\n')[0]!;
			return check.expect?.length ? `\`${command}\` prints the expected output` : `\`${command}\` succeeds`;
		}

		case 'file': {
			return check.equals === undefined ? (check.contains?.length ? `${check.path} contains the expected text` : `${check.path} exists`) : `${check.path} has the expected content`;
		}

		case 'http': {
			return `${check.url} answers`;
		}

		case 'port': {
			return `port ${check.host}:${check.port} is open`;
		}

		case 'file-action': {
			return check.title;
		}
	}
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
	const checks: AnyCheck[] = [...step.checks, ...fileActionChecks(step)];
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
