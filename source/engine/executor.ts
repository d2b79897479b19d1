import {existsSync, rmSync} from 'node:fs';
import type {ActionOutcome, RunListener} from '../domain/events.js';
import {failureText} from '../domain/failure-text.js';
import {FileChangeError} from '../domain/edit/file-change.js';
import {targetOf, type PlannedAction, type StepPlan} from '../domain/plan/plan-step.js';
import type {Session, Step} from '../domain/types.js';
import {applyFileChange} from './apply-file-change.js';
import {TextTail} from '../domain/output/text-tail.js';
import type {AuditLog} from './audit/audit-log.js';
import {AuditOutput} from './audit/audit-output.js';
import {runInSession, type SessionCommand} from './process/session.js';
import {watchSilence, type Clock} from './process/silence-watch.js';
import {noSystemdNote, systemdRunning, usesSystemctl} from './process/no-systemd.js';
import {writeNoFollow} from '../store/safe-files.js';

/** How many "y" lines a headless run feeds a command before closing its stdin. */
export const yesAnswers = 20;

/** What the executor needs around a step. */
export interface ExecutorContext {
	/** The runbook's session; replaced by the session each command leaves. */
	session: Session;
	/** The session's home: `~` in paths, and HOME for every command. */
	home: string;
	/** Where backups of changed files go. */
	backupDir: string;
	audit: AuditLog;
	/** Environment for every command of a headless run (DEBIAN_FRONTEND, APT_CONFIG). */
	assumeYesEnv?: Record<string, string>;
	/** `$` commands run as this user (SUDO_USER under sudo). */
	user?: SessionCommand['user'];
	signal?: AbortSignal;
	onEvent?: RunListener;
	/** systemd is not running here: systemctl goes to init scripts (default: detected, see no-systemd.ts). */
	noSystemd?: boolean;
	/** Holds the process group id of the running command, so a later start can end what a killed run left behind. */
	pidFile?: string;
	/** The clock of the "no output for N s" notes (default: the real one). */
	clock?: Clock;
}

/** How a step's actions went. */
export interface ExecutionResult {
	ok: boolean;
	/** The step reached a reboot action (actions after it are not run). */
	reboot: boolean;
	exitCode?: number | null;
	signal?: string | null;
	aborted: boolean;
	message?: string;
	/** The last lines of the step's output (at most `outputLines`, secrets not masked). */
	output: string[];
	session: Session;
}

/** How many of the last output lines an ExecutionResult carries. */
export const outputLines = 200;

// The end of a step's output kept for its result: lines are split from it only once, when the step ends.
const outputTailChars = 64 * 1024;

// The no-systemd note is said once per run (one audit log per run).
const told = new WeakSet<AuditLog>();

const nginxReload = /\b(?:service\s+nginx\s+(?:reload|restart)|systemctl\s+(?:reload|restart)\s+nginx(?:\.service)?|nginx\s+-s\s+reload)\b/;

/**
 * Runs a (resolved) step's actions in order and stops at the first failure, at an abort, or at a reboot action.
 * Never rejects for a failing command or file change: the result says what happened.
 */
export async function executeStep(step: Step, plan: StepPlan, context: ExecutorContext): Promise<ExecutionResult> {
	const tail = new TextTail(outputTailChars);
	const emit = context.onEvent ?? (() => undefined);
	const onOutput: OutputSink = (stream, text, skipped = 0) => {
		tail.push(text, skipped);
		emit({type: 'output', step: step.id, stream, text, ...(skipped > 0 ? {skipped} : {})});
	};

	const output = () => tail.lines(outputLines);
	// A step whose annotation fixes its directory starts there (the planner says where), and the session carries on from it.
	if (step.cwd && plan.start.cwd !== undefined) context.session = {...context.session, cwd: plan.start.cwd};
	for (const [index, planned] of plan.actions.entries()) {
		if (context.signal?.aborted) return {ok: false, reboot: false, aborted: true, output: output(), session: context.session};
		const {before: _before, after: _after, description: planned_, ...action} = planned;
		const description = whoRuns(planned_, action, context.user);
		emit({type: 'action-start', step: step.id, index, action, description});
		context.audit.write(step.id, description);
		const started = Date.now();
		const outcome = await runAction(step, planned, context, onOutput);
		const durationMs = Date.now() - started;
		const why = outcome.ok ? outcome.message : failureText(outcome);
		context.audit.write(step.id, `→ ${outcome.ok ? 'ok' : 'FAILED'} (${outcome.outcome})${why ? `: ${why}` : ''} (${durationMs} ms)`);
		emit({
			type: 'action-end',
			step: step.id,
			index,
			ok: outcome.ok,
			outcome: outcome.outcome,
			durationMs,
			...(outcome.diff === undefined ? {} : {diff: outcome.diff}),
			...(outcome.exitCode === undefined ? {} : {exitCode: outcome.exitCode}),
			...(outcome.signal ? {signal: outcome.signal} : {}),
			...(outcome.message ? {message: outcome.message} : {}),
		});
		if (outcome.reboot) return {ok: true, reboot: true, aborted: false, output: output(), session: context.session};
		if (!outcome.ok) {
			return {ok: false, reboot: false, aborted: outcome.aborted ?? false, exitCode: outcome.exitCode, signal: outcome.signal, message: outcome.message, output: output(), session: context.session};
		}
	}

	return {ok: true, reboot: false, aborted: false, output: output(), session: context.session};
}

interface ActionResult {
	ok: boolean;
	outcome: ActionOutcome;
	reboot?: boolean;
	aborted?: boolean;
	diff?: string;
	exitCode?: number | null;
	signal?: string | null;
	message?: string;
}

type OutputSink = (stream: 'stdout' | 'stderr', text: string, skipped?: number) => void;

async function runAction(step: Step, action: PlannedAction, context: ExecutorContext, onOutput: OutputSink): Promise<ActionResult> {
	switch (action.kind) {
		case 'run': {
			if (action.unless !== undefined) {
				const guard = await runCommand(action.unless, action.as, context, undefined, action.env);
				if (guard.exitCode === 0) return {ok: true, outcome: 'already-done', exitCode: 0, message: `\`${action.unless}\` succeeded`};
			}

			if ((context.noSystemd ?? !systemdRunning()) && usesSystemctl(action.command) && !told.has(context.audit)) {
				told.add(context.audit);
				context.audit.write(step.id, noSystemdNote);
				onOutput('stdout', `tomesh-setup: ${noSystemdNote}\n`);
			}

			if (nginxReload.test(action.command)) {
				const test = await runCommand('nginx -t', 'root', context, {step: step.id, sink: onOutput});
				if (!test.ok) return {...test, message: ['nginx -t failed, nginx not reloaded', test.message].filter(Boolean).join(': ')};
			}

			return runCommand(action.command, action.as, context, {step: step.id, sink: onOutput}, action.env);
		}

		case 'write':
		case 'edit': {
			// The change lands where the preview showed it, or nowhere: the shell's real directory must agree with the plan.
			const live = targetOf(action.path, context.session.cwd, context.home)!;
			if (action.target !== undefined && action.target !== live) {
				return {ok: false, outcome: 'failed', message: `not changed: the shell is in ${context.session.cwd}, so ${action.path} would be ${live}, not ${action.target} as shown`};
			}

			try {
				const change = await applyFileChange(action, live, {backupDir: context.backupDir, step: step.id});
				if (change.diff !== '') context.audit.write(step.id, change.diff.replace(/\n$/, ''));
				return change.diff === '' ? {ok: true, outcome: 'unchanged', diff: '', message: `${change.path} is already right`} : {ok: true, outcome: 'changed', diff: change.diff, message: `changed ${change.path}`};
			} catch (error) {
				const reason = error instanceof FileChangeError ? error.message : `${action.path}: ${(error as Error).message}`;
				return {ok: false, outcome: 'failed', message: reason};
			}
		}

		case 'reboot': {
			return {ok: true, outcome: 'ran', reboot: true};
		}

		case 'manual': {
			// The tool cannot do it; the operator is shown the text (a checklist item), and the step's checks tell.
			const text = [action.text, ...(action.code ? [action.code] : [])].join('\n');
			context.audit.write(step.id, text, '  | ');
			onOutput('stdout', `${text}\n`);
			return {ok: true, outcome: 'shown', message: 'shown to the operator (done by hand)'};
		}
	}
}

// `output` absent: the command's output goes nowhere (an `unless` guard), not even to the audit log.
// `values`: the parameter values the command refers to (TS_PARAM_*), for this command only.
async function runCommand(
	command: string,
	as: 'root' | 'user',
	context: ExecutorContext,
	output?: {step: string; sink: OutputSink},
	values?: Record<string, string>,
): Promise<ActionResult> {
	if (!existsSync(context.session.cwd)) {
		return {ok: false, outcome: 'failed', message: `the working directory ${context.session.cwd} does not exist (did an earlier step that creates it not run?)`};
	}

	const text = as === 'root' && process.getuid?.() === 0 ? withoutSudo(command) : command;
	const headless = context.assumeYesEnv !== undefined;
	const audit = output && new AuditOutput(context.audit, output.step);
	const silence = output && watchSilence(seconds => context.onEvent?.({type: 'silence', step: output.step, seconds}), context.clock);
	const {result, session, inputExhausted} = await runInSession(context.session, {
		command: text,
		user: as === 'user' ? context.user : undefined,
		extraEnv: {...context.assumeYesEnv, ...values, HOME: context.home},
		input: headless ? 'y\n'.repeat(yesAnswers) : undefined,
		noSystemd: context.noSystemd ?? !systemdRunning(),
		signal: context.signal,
		onSpawn(pid) {
			try {
				if (context.pidFile) writeNoFollow(context.pidFile, `${pid}\n`);
			} catch {
				// Not through a link, and never a reason to stop the command: the next start only cannot end it.
			}
		},
		onOutput: output
			? (stream, text, skipped) => {
					silence!.heard();
					audit!.push(text, skipped);
					output.sink(stream, text, skipped);
				}
			: undefined,
	}).finally(() => {
		silence?.stop();
		audit?.end();
	});
	if (context.pidFile) rmSync(context.pidFile, {force: true});
	context.session = session;
	if (result.aborted) return {ok: false, outcome: 'stopped', aborted: true, exitCode: result.exitCode, signal: result.signal};
	if (result.exitCode === 0) return {ok: true, outcome: 'ran', exitCode: 0};
	const message = inputExhausted ? `it read all ${yesAnswers} "y" answers a headless run gives and still waited for input (end of input)` : undefined;
	return {ok: false, outcome: 'failed', exitCode: result.exitCode, signal: result.signal, ...(message ? {message} : {})};
}

// Already root: `sudo CMD` is CMD (`sudo -i` never reaches here: the parser drops it).
function withoutSudo(command: string): string {
	return command.replace(/^(\s*)sudo\s+(?=[^-\s])/gm, '$1');
}

/**
 * An action's line as the history shows it: a `$` command runs as the sudo user when there is one, otherwise as the
 * tool's own user (root: never "run as user" for what root runs).
 */
export function whoRuns(description: string, action: {kind: string; as?: string}, user: SessionCommand['user'] | undefined, isRoot = process.getuid?.() === 0): string {
	if (action.kind !== 'run' || action.as !== 'user') return description;
	const who = user ? user.name : isRoot ? 'root' : undefined;
	return who ? description.replace(/^run as user:/, `run as ${who}:`) : description;
}
