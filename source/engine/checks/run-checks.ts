import {describeCheck} from '../../domain/describe-check.js';
import type {CheckResult, RunListener} from '../../domain/events.js';
import {maskSecrets} from '../../domain/secrets.js';
import {formatDuration, type AnyCheck, type CheckContext, type CheckExec, type CheckOutcome} from './context.js';
import {runCommandCheck} from './command.js';
import {runFileActionCheck} from './file-action.js';
import type {CheckJob} from './jobs.js';
import {runFileCheck} from './file.js';
import {httpCheckBudgetMs, runHttpCheck} from './http.js';
import {runPortCheck} from './port.js';
import {runMatrixCheck} from './matrix.js';
import {defaultCheckExec} from './exec.js';
import type {LocateStep} from './locate-step.js';

// The controller builds its jobs with these; they live in check-jobs.ts.
export {missingParameterReason, stepCheckJobs, type CheckJob} from './jobs.js';

/** Options of `runChecks`. */
export interface RunChecksOptions {
	/** Per-check timeout (default 10 s). */
	timeoutMs?: number;
	/** Receives `{type: 'check', result}` as each check finishes. */
	onEvent?: RunListener;
	signal?: AbortSignal;
	/** Runs command checks; defaults to the engine's shell runner. */
	exec?: CheckExec;
	/** Finds the step that fixes a failure, for hints (check-matrix). */
	locate?: LocateStep;
	/**
	 * Right after a step ran: a failing check is tried again with backoff until it passes or `timeoutMs` has gone by
	 * (a service that was just restarted listens a few seconds later); the last failure is the result.
	 */
	settle?: boolean;
}

const firstRetryMs = 250;
const longestRetryMs = 2000;

/**
 * Runs every check concurrently, each with its own timeout, so a dead network costs one timeout, not the sum.
 * Checks never change anything. Resolves to one result per job, in the jobs' order; never rejects.
 */
export async function runChecks(jobs: CheckJob[], options: RunChecksOptions = {}): Promise<CheckResult[]> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const exec = options.exec ?? defaultCheckExec;
	return Promise.all(
		jobs.map(async job => {
			const outcome = job.skip === undefined ? await (options.settle ? settle(job, timeoutMs, exec, options.signal, options.locate) : runOne(job, timeoutMs, exec, options.signal, options.locate)) : {status: 'skip' as const, detail: job.skip};
			const result: CheckResult = {
				runbook: job.runbook,
				step: job.step,
				title: maskSecrets(job.check.kind === 'file-action' ? job.check.title : describeCheck(job.check)),
				status: outcome.status,
				detail: maskSecrets(outcome.detail),
				...(outcome.hint === undefined ? {} : {hint: outcome.hint}),
				...(job.stepTitle === undefined ? {} : {stepTitle: job.stepTitle}),
				...(job.check.kind === 'file-action' ? {} : {check: job.check}),
			};
			options.onEvent?.({type: 'check', result});
			return result;
		}),
	);
}

async function settle(job: CheckJob, timeoutMs: number, exec: CheckExec, signal?: AbortSignal, locate?: LocateStep): Promise<CheckOutcome> {
	const deadline = Date.now() + timeoutMs;
	let wait = firstRetryMs;
	let tries = 1;
	for (;;) {
		const outcome = await runOne(job, Math.max(deadline - Date.now(), 1000), exec, signal, locate);
		if (outcome.status !== 'fail' || signal?.aborted || Date.now() + wait >= deadline) {
			return tries === 1 || outcome.status !== 'fail' ? outcome : {...outcome, detail: `${outcome.detail} (still failing after ${tries} tries in ${formatDuration(timeoutMs)})`};
		}

		await new Promise(resolve => {
			setTimeout(resolve, wait);
		});
		wait = Math.min(wait * 2, longestRetryMs);
		tries++;
	}
}

async function runOne(job: CheckJob, timeoutMs: number, exec: CheckExec, outer?: AbortSignal, locate?: LocateStep): Promise<CheckOutcome> {
	const controller = new AbortController();
	const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
	const context: CheckContext = {cwd: job.cwd, home: job.home, env: job.env, timeoutMs, signal, exec, ...(locate ? {locate} : {})};
	let timer: NodeJS.Timeout | undefined;
	// An HTTP check with retries has a timeout per attempt; the whole check gets them all and the pauses between.
	const budgetMs = job.check.kind === 'http' ? httpCheckBudgetMs(job.check, timeoutMs) : timeoutMs;
	// A runner that ignores its signal (a stuck read) still cannot hold verify past its timeout.
	const expired = new Promise<CheckOutcome>(resolve => {
		timer = setTimeout(() => {
			controller.abort();
			resolve({status: 'fail', detail: `timed out after ${formatDuration(budgetMs)}`});
		}, budgetMs + 250);
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

		case 'matrix': {
			return runMatrixCheck(check, context);
		}

		case 'file-action': {
			return runFileActionCheck(check, context);
		}
	}
}
