import path from 'node:path';
import type {CliOptions} from '../cli-args.js';
import type {CheckResult, RunListener} from '../domain/events.js';
import {stepFingerprint} from '../domain/plan/fingerprint.js';
import {resolveStep} from '../domain/params/resolve-step.js';
import {checkSavedValues, checkSetValues, missingParameters, parameterValues} from '../domain/params/parameters.js';
import {maskSecrets} from '../domain/secrets.js';
import {isFinished, reduceStep, type StepTransition} from '../domain/step-state.js';
import {InputError, type Parameter, type Runbook, type SetupDocument, type Step, type StepStatus} from '../domain/types.js';
import {ProgressStore, stateDirectory, systemStateDirectory, type ProgressData} from '../store/progress-store.js';
import {assumeYesEnvironment} from './assume-yes.js';
import {AuditLog, auditLogDirectory} from './audit/audit-log.js';
import type {Controller, PreviewedAction, ResumePoint, RunStepOptions, StepProgress} from './controller-types.js';
import {executeStep} from './executor.js';
import {previewStep} from './preview.js';
import {currentBootId, removeReminder} from './reboot/reboot.js';
import {requestReboot} from './reboot/request-reboot.js';
import {runChecks, missingParameterReason, stepCheckJobs} from './checks/run-checks.js';
import {initialSession, sudoUser, type Session} from './process/session.js';
import {startDirectory} from './start-directory.js';
import {reconcileAtStart} from './reboot/startup.js';
import {selectRunbooks} from '../domain/plan/select-runbooks.js';

/** Extra options of a step run beyond the contract: how a reboot is confirmed when not headless. */
export interface EngineRunStepOptions extends RunStepOptions {
	/**
	 * Asked before rebooting when `assumeYes` is not set. Without it, running a reboot step is the confirmation (the
	 * TUI asks before it calls runStep); when it resolves false the server is left for the operator to reboot.
	 */
	confirmReboot?: () => Promise<boolean>;
}

/** The engine over documents, saved progress and this machine (see Controller). */
export class EngineController implements Controller {
	readonly documents: SetupDocument[];
	readonly runbooks: Runbook[];
	readonly parameters: Parameter[];
	readonly store: ProgressStore;
	readonly audit: AuditLog;
	/** The server rebooted since progress was last saved. */
	readonly rebooted: boolean;
	private readonly options: CliOptions;
	private readonly bootId: string;
	private readonly env: NodeJS.ProcessEnv;
	private readonly steps = new Map<string, {runbook: Runbook; step: Step}>();

	constructor(documents: SetupDocument[], options: CliOptions, env: NodeJS.ProcessEnv = process.env) {
		this.documents = documents;
		this.options = options;
		this.env = env;
		this.runbooks = selectRunbooks(documents, options.only);
		this.parameters = [...new Map(documents.flatMap(document => document.parameters).map(parameter => [parameter.name, parameter])).values()];
		for (const runbook of documents.flatMap(document => document.runbooks)) {
			for (const step of runbook.steps) this.steps.set(step.id, {runbook, step});
		}

		checkSetValues(this.parameters, options.set);
		const stateDir = stateDirectory(options.state, env);
		this.store = new ProgressStore(stateDir);
		this.audit = new AuditLog(auditLogDirectory(stateDir, stateDir === systemStateDirectory && !options.state, env));
		this.bootId = currentBootId(env);
		this.rebooted = reconcileAtStart(this.store, this.bootId, env);
	}

	values(): Record<string, string> {
		const saved = checkSavedValues(this.parameters, this.store.read().values, this.store.file);
		return parameterValues(this.parameters, {...saved, ...checkSetValues(this.parameters, this.options.set)});
	}

	setValues(values: Record<string, string>): void {
		const checked = checkSetValues(this.parameters, values);
		this.store.update(data => {
			data.values = {...data.values, ...checked};
		});
	}

	missingValues(): Parameter[] {
		const values = this.values();
		// An empty default (`default=`) is a question, not an answer.
		return [...missingParameters(this.parameters, values), ...this.parameters.filter(parameter => values[parameter.name] === '')];
	}

	progress(stepId: string): StepProgress {
		const {runbook, step} = this.find(stepId);
		return stepProgress(runbook, step, this.store.read().steps[stepId]);
	}

	allProgress(): StepProgress[] {
		// One snapshot of the state for all steps (the checklist asks on every render).
		const {steps} = this.store.read();
		return this.runbooks.flatMap(runbook => runbook.steps.map(step => stepProgress(runbook, step, steps[step.id])));
	}

	resumePoint(): ResumePoint | undefined {
		const next = this.allProgress().find(item => !isFinished(item.status));
		return next && {runbook: next.runbook.id, step: next.step.id, status: next.status, rebooted: this.rebooted};
	}

	session(runbookId: string): Session {
		const saved = this.store.read().sessions[runbookId];
		if (saved) return saved;
		const runbook = this.documents.flatMap(document => document.runbooks).find(candidate => candidate.id === runbookId);
		return initialSession(runbook ? startDirectory(runbook) : undefined);
	}

	async preview(stepId: string): Promise<PreviewedAction[]> {
		const {runbook, step} = this.find(stepId);
		return previewStep(this.resolved(step), this.session(runbook.id));
	}

	async runStep(stepId: string, options: EngineRunStepOptions = {}): Promise<StepStatus> {
		const {runbook, step} = this.find(stepId);
		const resolved = this.resolved(step);
		const emit: RunListener = options.onEvent ?? (() => undefined);
		const started = Date.now();
		this.transition(stepId, {type: 'start', at: new Date().toISOString(), fingerprint: stepFingerprint(step)});
		emit({type: 'step-start', runbook: runbook.id, step: stepId, number: step.number, title: step.title});
		this.audit.write(stepId, `step ${step.number} of ${runbook.id}: ${step.title}`);
		const stateDir = this.store.directory;
		const result = await executeStep(resolved, {
			session: this.session(runbook.id),
			backupDir: path.join(stateDir, 'backups'),
			pidFile: path.join(stateDir, 'running.pid'),
			audit: this.audit,
			assumeYesEnv: options.assumeYes ? assumeYesEnvironment(stateDir) : undefined,
			user: sudoUser(this.env),
			signal: options.signal,
			onEvent: emit,
		});
		const outputTail = result.output.slice(-40).map(line => maskSecrets(line));
		const end = (status: StepStatus, message?: string, exitCode?: number | null) => {
			this.audit.write(stepId, `step ${status}${message ? `: ${message}` : ''}`);
			emit({type: 'step-end', runbook: runbook.id, step: stepId, status, durationMs: Date.now() - started, exitCode, message});
			return status;
		};

		if (result.aborted) {
			this.transition(stepId, {type: 'interrupt', at: new Date().toISOString(), outputTail});
			return end('interrupted', 'aborted');
		}

		if (!result.ok) {
			this.transition(stepId, {type: 'finish', at: new Date().toISOString(), ok: false, exitCode: result.exitCode, outputTail, message: result.message});
			return end('failed', result.message, result.exitCode);
		}

		if (result.reboot) {
			this.store.update(data => {
				data.sessions[runbook.id] = result.session;
			});
			const confirm = async () => options.assumeYes === true || options.confirmReboot === undefined || options.confirmReboot();
			return end(await requestReboot({store: this.store, stepId, bootId: this.bootId, env: this.env, audit: this.audit, confirm, emit}), 'rebooting');
		}

		const checks = await this.runCheckJobs(stepCheckJobs(runbook, resolved, result.session), {onEvent: emit, timeoutMs: this.options.timeoutMs, signal: options.signal});
		// Interrupted while its checks ran: the step is not known to be done.
		if (options.signal?.aborted) {
			this.transition(stepId, {type: 'interrupt', at: new Date().toISOString(), outputTail});
			return end('interrupted', 'aborted while its checks ran');
		}

		const failed = checks.filter(check => check.status === 'fail');
		const message = failed.length > 0 ? `check failed: ${failed[0]!.title}: ${failed[0]!.detail}` : undefined;
		// The session and the step's end are saved together, and only for a done step: a step run again starts where it
		// started before (its `cd sub` would otherwise go one level too deep).
		this.transition(stepId, {type: 'finish', at: new Date().toISOString(), ok: failed.length === 0, exitCode: result.exitCode ?? 0, outputTail, message}, data => {
			if (failed.length === 0) data.sessions[runbook.id] = result.session;
		});
		return end(failed.length === 0 ? 'done' : 'failed', message, result.exitCode ?? 0);
	}

	skipStep(stepId: string): void {
		this.transition(stepId, {type: 'skip', at: new Date().toISOString(), fingerprint: stepFingerprint(this.find(stepId).step)});
	}

	markDone(stepId: string): void {
		this.transition(stepId, {type: 'mark-done', at: new Date().toISOString(), fingerprint: stepFingerprint(this.find(stepId).step)});
	}

	async checkStep(stepId: string, options: {onEvent?: RunListener; timeoutMs?: number} = {}): Promise<CheckResult[]> {
		const {runbook, step} = this.find(stepId);
		const skip = missingParameterReason(runbook, this.parameters, this.values());
		return this.runCheckJobs(stepCheckJobs(runbook, this.resolved(step), this.session(runbook.id), skip, item => this.resolved(item)), options);
	}

	async verifyAll(options: {onEvent?: RunListener; timeoutMs?: number} = {}): Promise<CheckResult[]> {
		const values = this.values();
		const jobs = this.runbooks.flatMap(runbook => {
			const skip = missingParameterReason(runbook, this.parameters, values);
			return runbook.steps.flatMap(step => stepCheckJobs(runbook, this.resolved(step), this.session(runbook.id), skip, item => this.resolved(item)));
		});
		return this.runCheckJobs(jobs, options);
	}

	/** Finds a step of any loaded document by id; unknown → InputError. */
	find(stepId: string): {runbook: Runbook; step: Step} {
		const found = this.steps.get(stepId);
		if (!found) throw new InputError(`unknown step '${stepId}'`);
		return found;
	}

	/** Forgets the progress of one runbook (its steps and session) or of everything; returns how many steps it forgot. */
	forget(runbook?: Runbook): number {
		let count = 0;
		this.store.update(data => {
			for (const id of Object.keys(data.steps)) {
				if (runbook && !id.startsWith(`${runbook.id}/`)) continue;
				delete data.steps[id];
				count++;
			}

			if (runbook) delete data.sessions[runbook.id];
			else data.sessions = {};
			if (data.reboot && (!runbook || data.reboot.step.startsWith(`${runbook.id}/`))) {
				delete data.reboot;
				removeReminder(this.env);
			}
		});
		return count;
	}

	private async runCheckJobs(jobs: ReturnType<typeof stepCheckJobs>, options: {onEvent?: RunListener; timeoutMs?: number; signal?: AbortSignal}): Promise<CheckResult[]> {
		return runChecks(jobs, {timeoutMs: options.timeoutMs ?? this.options.timeoutMs, onEvent: options.onEvent, signal: options.signal});
	}

	private resolved(step: Step): Step {
		return resolveStep(step, this.parameters, this.values());
	}

	private transition(stepId: string, transition: StepTransition, also?: (data: ProgressData) => void): void {
		this.store.update(data => {
			data.steps[stepId] = reduceStep(data.steps[stepId], transition);
			data.bootId = this.bootId;
			also?.(data);
		});
	}

}

/** Opens the engine over already loaded documents (tests, and the commands through createController). */
export function openController(documents: SetupDocument[], options: CliOptions, env: NodeJS.ProcessEnv = process.env): EngineController {
	return new EngineController(documents, options, env);
}

/** Loads the documents the options name (or the shipped runbooks) and opens the engine over them. */
export async function createController(options: CliOptions): Promise<EngineController> {
	const {loadDocuments} = await import('../load-documents.js');
	return openController(loadDocuments(options.docs, undefined, {trust: options.trustDoc}), options);
}

/** A step's progress as the UI shows it, from its saved record (absent = pending). */
function stepProgress(runbook: Runbook, step: Step, saved: ProgressData['steps'][string] | undefined): StepProgress {
	const record = saved ?? {status: 'pending' as const};
	const changed = record.status === 'done' && record.fingerprint !== undefined && record.fingerprint !== stepFingerprint(step);
	return {runbook, step, changed, status: record.status, startedAt: record.startedAt, endedAt: record.endedAt, exitCode: record.exitCode, outputTail: record.outputTail};
}
