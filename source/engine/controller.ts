import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {runBackupsFor} from './backup/run-backups.js';
import type {CheckResult, RunListener} from '../domain/events.js';
import {checkSavedValues, checkSetValues, firstDeclarations, missingParameters, parametersUsedIn, parameterValues} from '../domain/params/parameters.js';
import {resolveStep} from '../domain/params/resolve-step.js';
import {stepFingerprint} from '../domain/plan/fingerprint.js';
import {loadYamlLibrary} from '../domain/edit/yaml-library.js';
import {planRunbook} from '../domain/plan/plan-runbook.js';
import {selectDocuments, selectRunbooks} from '../domain/plan/select-runbooks.js';
import {isSecretKey, isSecretParameter, maskSecrets} from '../domain/secrets.js';
import {collectSecrets, secretEnvironmentValues} from '../domain/secrets/collect.js';
import {createMasker, maskDeep, type Masker} from '../domain/secrets/masker.js';
import {failureText} from '../domain/failure-text.js';
import {isFinished, outputTailLines, type StepTransition} from '../domain/step-state.js';
import {InputError, type Parameter, type Runbook, type Session, type SetupDocument, type Step, type StepStatus} from '../domain/types.js';
import {ProgressStore, type ProgressData} from '../store/progress-store.js';
import {backupDirectory} from '../store/state-directory.js';
import {assumeYesEnvironment} from './assume-yes.js';
import {AuditLog} from './audit/audit-log.js';
import {missingParameterReason, runChecks, stepCheckJobs, type CheckJob} from './checks/run-checks.js';
import {stepLocator, type LocateStep} from './checks/locate-step.js';
import type {CheckRunOptions, Controller, PreviewedAction, ResumePoint, RunStepOptions, StepProgress} from './controller-types.js';
import type {EngineOptions} from './engine-options.js';
import {executeStep} from './executor.js';
import {planLiveStep, previewOf} from './preview.js';
import {warmUpShell} from './process/run-shell.js';
import {sudoUser} from './process/session.js';
import {readLiveText} from './read-live.js';
import {currentBootId, removeReminder} from './reboot/reboot.js';
import {requestReboot} from './reboot/request-reboot.js';
import {maskedListener} from './mask-events.js';
import {reconcileAtStart} from './reboot/startup.js';
import {recordSteps} from './record-step.js';
import {selectRepairs, type RepairItem} from './repair/select-repairs.js';
import {sessionOrigin, type SessionOrigin} from './session-origin.js';
import {applyUndo, planStepUndo} from './undo.js';
import {AsRunRecord} from './as-run-record.js';
import {simulateApt} from './apt-preview.js';
import type {UndoPlan} from '../domain/undo/plan-undo.js';
import type {PreflightFinding} from '../domain/preflight/types.js';
import {localPreflight} from './preflight-facts.js';

/** Extra options of a step run beyond the contract: how a reboot is confirmed when not headless. */
export interface EngineRunStepOptions extends RunStepOptions {
	/**
	 * Asked before rebooting when `assumeYes` is not set. Without it, running a reboot step is the confirmation (the
	 * TUI asks before it calls runStep); when it resolves false the server is left for the operator to reboot.
	 */
	confirmReboot?: () => Promise<boolean>;
}

/** The engine over documents, saved progress and this machine (see Controller); built by commands/open-engine.ts. */
export class EngineController implements Controller {
	readonly documents: SetupDocument[];
	readonly runbooks: Runbook[];
	readonly parameters: Parameter[];
	readonly store: ProgressStore;
	readonly audit: AuditLog;
	/** The as-run record of this run (engine/as-run-record.ts): what was carried out, as markdown people can read. */
	readonly asRun: AsRunRecord;
	/** Every secret value known (from the documents, the parameters, the sessions): what every sink masks. */
	readonly masker: Masker;
	/** The server rebooted since progress was last saved (until a step runs: then the reboot has been seen). */
	rebooted: boolean;
	/** What the start found and the operator should be told (e.g. a command an earlier run left running was ended). */
	readonly notices: string[];
	private readonly options: EngineOptions;
	private readonly bootId: string;
	// Each document names its own defaults (`example.org`, `tomesh.net`): a step is filled in from its own document's.
	private readonly steps = new Map<string, {runbook: Runbook; index: number; parameters: Parameter[]}>();
	private preflightFound?: Promise<PreflightFinding[]>;

	constructor(documents: SetupDocument[], options: EngineOptions) {
		this.documents = documents;
		this.options = options;
		this.runbooks = selectRunbooks(documents, options.only);
		// A name several documents declare is asked once, as the first of them (in document order) declares it; each
		// document's steps still take that document's own default until the operator gives a value.
		this.parameters = firstDeclarations(documents);
		for (const document of documents) {
			for (const runbook of document.runbooks) {
				for (const [index, step] of runbook.steps.entries()) {
					this.steps.set(step.id, {runbook, index, parameters: document.parameters});
				}
			}
		}

		checkSetValues(this.parameters, options.values);
		this.store = new ProgressStore(options.stateDir, {isSecret: (name, value) => isSecretKey(name) || this.masker.has(value)});
		this.masker = createMasker(collectSecrets(documents, this.values(), this.parameters));
		for (const session of Object.values(this.store.read().sessions)) this.masker.add(secretEnvironmentValues(session.env));
		this.audit = new AuditLog(options.logDir, text => this.masker.mask(text));
		this.asRun = new AsRunRecord(options.logDir, {documents: documents.map(document => document.title), by: this.operator()}, text => this.masker.mask(text));
		this.bootId = currentBootId(options.system.bootIdFile);
		({rebooted: this.rebooted, notices: this.notices} = reconcileAtStart(this.store, this.bootId, options.system.profileDir));
	}

	values(): Record<string, string> {
		return parameterValues(this.parameters, this.given());
	}

	documentValues(document: SetupDocument): Record<string, string> {
		return parameterValues(document.parameters, this.given());
	}

	/** `text` with every known secret value masked. */
	mask(text: string): string {
		return this.masker.mask(text);
	}

	setValues(values: Record<string, string>): void {
		const checked = checkSetValues(this.parameters, values);
		this.masker.add(this.parameters.filter(parameter => isSecretParameter(parameter)).map(parameter => checked[parameter.name] ?? ''));
		this.store.update(data => {
			data.values = {...data.values, ...checked};
		});
	}

	async editByHand(stepId: string, file: string, edit: () => void): Promise<void> {
		const backups = runBackupsFor(backupDirectory(this.store.directory));
		const entry = await backups.before(stepId, file);
		try {
			edit();
		} finally {
			await backups.after(entry, await readFile(file).catch(() => ''));
		}
	}

	unanswered(runbookId: string): Parameter[] {
		const runbook = this.runbookById(runbookId);
		if (!runbook) return [];
		const given = this.given();
		const values = parameterValues(this.parameters, given);
		// What the runbook uses is found with its own document's literals (`example.org` in one, `tomesh.net` in another).
		const used = new Set(parametersUsedIn(this.parametersOf(runbook.steps[0]?.id), runbook).map(parameter => parameter.name));
		return this.parameters.filter(parameter => used.has(parameter.name) && (given[parameter.name] === undefined || !values[parameter.name]));
	}

	parametersUsedBy(ids: string[]): Parameter[] {
		const wanted = new Set(ids);
		const runbooks = this.documents.flatMap(document => document.runbooks);
		const found = [...runbooks.filter(runbook => wanted.has(runbook.id)), ...runbooks.flatMap(runbook => runbook.steps.filter(step => wanted.has(step.id)))];
		return parametersUsedIn(this.parameters, found);
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
		const progress = this.allProgress();
		const next = progress.find(item => !isFinished(item.status));
		if (!next) return undefined;
		// The procedure that rebooted: the done step with a reboot action that ended last.
		const rebooter = this.rebooted
			? progress
					.filter(item => item.status === 'done' && item.endedAt && item.step.actions.some(action => action.kind === 'reboot'))
					.sort((a, b) => (a.endedAt! < b.endedAt! ? -1 : 1))
					.at(-1)
			: undefined;
		return {runbook: next.runbook.id, step: next.step.id, status: next.status, rebooted: this.rebooted, ...(rebooter ? {rebootedBy: rebooter.step.id} : {})};
	}

	session(runbookId: string): Session {
		const saved = this.store.read().sessions[runbookId];
		if (saved) return saved;
		const runbook = this.runbookById(runbookId);
		return {cwd: runbook ? this.origin(runbook).cwd : '/', env: {}};
	}

	async preview(stepId: string): Promise<PreviewedAction[]> {
		await loadYamlLibrary();
		const {runbook, step} = this.find(stepId);
		const previews = previewOf(this.planHere(runbook, this.resolved(step)));
		const session = this.session(runbook.id);
		for (const preview of previews) {
			if (preview.action.kind !== 'run' || !preview.command) continue;
			// eslint-disable-next-line no-await-in-loop
			const apt = await simulateApt(preview.command, session, preview.action.env);
			if (apt) preview.apt = apt;
		}

		// The operator reads the preview before running the step: the shell runner loads meanwhile, not on Enter.
		warmUpShell();
		return maskDeep(previews, text => this.mask(text));
	}

	async runStep(stepId: string, options: EngineRunStepOptions = {}): Promise<StepStatus> {
		await loadYamlLibrary();
		const {runbook, step} = this.find(stepId);
		const given = this.given();
		const resolved = this.resolved(step, given);
		// Running a step is going on after the reboot: its banner has been read.
		this.rebooted = false;
		const emit: RunListener = maskedListener(this.asRun.listener(options.onEvent, options.assumeYes ? `${this.operator()} (--yes: without asking)` : this.operator()), this.masker);
		const started = Date.now();
		this.record(stepId, {type: 'start', at: new Date().toISOString(), fingerprint: stepFingerprint(step)});
		emit({type: 'step-start', runbook: runbook.id, step: stepId, number: step.number, title: step.title});
		this.audit.write(stepId, `step ${step.number} of ${runbook.id}: ${step.title}`);
		const stateDir = this.store.directory;
		const result = await executeStep(resolved, this.planHere(runbook, resolved), {
			session: this.session(runbook.id),
			home: this.origin(runbook).home,
			backupDir: backupDirectory(stateDir),
			pidFile: path.join(stateDir, 'running.pid'),
			audit: this.audit,
			assumeYesEnv: options.assumeYes ? assumeYesEnvironment(stateDir) : undefined,
			user: sudoUser(this.options.env),
			signal: options.signal,
			onEvent: emit,
		});
		// A token a command exported is a secret from now on (its value is known only now).
		this.masker.add(secretEnvironmentValues(result.session.env));
		const masked = (lines: string[]) => lines.slice(-outputTailLines).map(line => this.mask(maskSecrets(line)));
		const outputTail = masked(result.output);
		const message = (text?: string) => text && this.mask(text);
		const end = (status: StepStatus, how: {message?: string; exitCode?: number | null; signal?: string | null} = {}) => {
			const why = failureText(how);
			this.audit.write(stepId, `step ${status}${why ? `: ${why}` : ''}`);
			const {message, exitCode, signal} = how;
			emit({
				type: 'step-end',
				runbook: runbook.id,
				step: stepId,
				status,
				durationMs: Date.now() - started,
				log: this.audit.file,
				...(exitCode === undefined ? {} : {exitCode}),
				...(signal ? {signal} : {}),
				...(message ? {message} : {}),
			});
			return status;
		};

		if (result.aborted) {
			this.record(stepId, {type: 'interrupt', at: new Date().toISOString(), outputTail});
			return end('interrupted', {signal: result.signal});
		}

		// A failed command and a failed reboot command are saved alike (the latter also takes back the waiting record).
		const fail = (how: {message?: string; exitCode?: number | null; signal?: string | null}, tail: string[], also?: (data: ProgressData) => void) => {
			this.record(stepId, {type: 'finish', at: new Date().toISOString(), ok: false, exitCode: how.exitCode, outputTail: tail, message: message(failureText(how))}, also);
			return end('failed', how);
		};

		if (!result.ok) return fail(result, outputTail);

		if (result.reboot) {
			this.store.update(data => {
				data.sessions[runbook.id] = result.session;
			});
			const confirm = async () => options.assumeYes === true || options.confirmReboot === undefined || options.confirmReboot();
			const {store, bootId, audit} = this;
			const {env, system, resumeCommand: resume} = this.options;
			const outcome = await requestReboot({store, stepId, bootId, env, system, resume, audit, confirm, emit});
			if (outcome.status === 'awaiting-reboot') return end('awaiting-reboot');
			return fail(outcome, masked(outcome.output), data => {
				delete data.reboot;
			});
		}

		// Checks right after a step settle: a service it restarted may listen seconds later.
		const jobs = this.checkJobs(runbook, given, {...result.session, home: this.origin(runbook).home}).filter(job => job.step === stepId);
		const timeoutMs = Math.max(this.options.timeoutMs, (step.settleSeconds ?? 0) * 1000);
		const checks = await this.runCheckJobs(jobs, {onEvent: emit, signal: options.signal, settle: true, timeoutMs});
		// Interrupted while its checks ran: the step is not known to be done.
		if (options.signal?.aborted) {
			this.record(stepId, {type: 'interrupt', at: new Date().toISOString(), outputTail});
			return end('interrupted', {message: 'stopped while its checks ran'});
		}

		const failed = checks.filter(check => check.status === 'fail');
		const failure = failed.length > 0 ? `check failed: ${failed[0]!.title}: ${failed[0]!.detail}` : undefined;
		// The session and the step's end are saved together, and only for a done step: a step run again starts where it
		// started before (its `cd sub` would otherwise go one level too deep).
		this.record(stepId, {type: 'finish', at: new Date().toISOString(), ok: failed.length === 0, exitCode: result.exitCode ?? 0, outputTail, message: message(failure)}, data => {
			if (failed.length === 0) data.sessions[runbook.id] = result.session;
		});
		return end(failed.length === 0 ? 'done' : 'failed', {message: failure, exitCode: result.exitCode ?? 0});
	}

	skipStep(stepId: string): void {
		const at = new Date().toISOString();
		const {step} = this.find(stepId);
		this.record(stepId, {type: 'skip', at, fingerprint: stepFingerprint(step)});
		this.asRun.note({type: 'skipped', step: stepId, number: step.number, title: step.title, by: this.operator(), at});
	}

	markDone(stepId: string): void {
		const at = new Date().toISOString();
		const {step} = this.find(stepId);
		this.record(stepId, {type: 'mark-done', at, fingerprint: stepFingerprint(step)});
		this.asRun.note({type: 'marked-done', step: stepId, number: step.number, title: step.title, by: this.operator(), at});
	}

	/**
	 * Puts back what a step changed in files, from the backups (see engine/undo.ts), and makes the step pending again;
	 * `dryRun` only plans (the diffs to show). Returns the plan, diffs masked; a refused plan changes nothing.
	 */
	async undoStep(stepId: string, options: {dryRun?: boolean} = {}): Promise<UndoPlan> {
		const {step} = this.find(stepId);
		const backupDir = backupDirectory(this.store.directory);
		const plan = await planStepUndo(backupDir, stepId);
		if (!plan.ok || options.dryRun) return maskDeep(plan, text => this.mask(text));
		await applyUndo(backupDir, plan);
		for (const change of plan.changes) this.audit.write(stepId, `undo: ${change.kind === 'remove' ? 'removed' : 'put back'} ${change.path}`);
		const at = new Date().toISOString();
		this.record(stepId, {type: 'undo', at});
		const detail = plan.changes.map(change => `${change.kind === 'remove' ? 'Removed' : 'Put back'} ${change.path}.`).join(' ');
		this.asRun.note({type: 'undone', step: stepId, number: step.number, title: step.title, by: this.operator(), at, detail});
		return maskDeep(plan, text => this.mask(text));
	}

	async preflight(): Promise<PreflightFinding[]> {
		this.preflightFound ??= (async () => {
			// Reading /proc is synchronous: it starts after the caller's current turn (the first frame is drawn first).
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			const findings = await localPreflight(selectDocuments(this.documents, this.options.only), this.values());
			return maskDeep(findings, text => this.mask(text));
		})();
		return this.preflightFound;
	}

	async checkStep(stepId: string, options: CheckRunOptions = {}): Promise<CheckResult[]> {
		await loadYamlLibrary();
		const {runbook} = this.find(stepId);
		const jobs = this.checkJobs(runbook, this.given()).filter(job => job.step === stepId);
		return this.runCheckJobs(jobs, options);
	}

	async verifyAll(options: CheckRunOptions = {}): Promise<CheckResult[]> {
		await loadYamlLibrary();
		// Parameters are resolved once for the whole verify, not once per step.
		const given = this.given();
		return this.runCheckJobs(this.runbooks.flatMap(runbook => this.checkJobs(runbook, given)), options);
	}

	/**
	 * What `run --repair` runs again, and why: every check is run (nothing changed), then the done steps with a failing
	 * check or a changed text, and the done steps after them in their procedure (engine/repair/select-repairs.ts).
	 */
	async repairPlan(options: CheckRunOptions = {}): Promise<RepairItem[]> {
		return selectRepairs(this.allProgress(), await this.verifyAll(options));
	}

	/** Finds a step of any loaded document by id; unknown → InputError. */
	// A runbook of the documents (not only of those selected) by its id.
	private runbookById(runbookId: string): Runbook | undefined {
		return this.documents.flatMap(document => document.runbooks).find(candidate => candidate.id === runbookId);
	}

	find(stepId: string): {runbook: Runbook; step: Step} {
		const found = this.steps.get(stepId);
		if (!found) throw new InputError(`unknown step '${stepId}'`);
		return {runbook: found.runbook, step: found.runbook.steps[found.index]!};
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
				removeReminder(this.options.system.profileDir);
			}
		});
		return count;
	}

	/** Who is at the keyboard, for the record: the user who ran sudo, else the user. */
	operator(): string {
		return sudoUser(this.options.env)?.name ?? this.options.env.USER ?? this.options.env.LOGNAME ?? 'root';
	}

	/** Where a runbook's session starts and its home: the one definition shared with `plan` (engine/session-origin.ts). */
	origin(runbook: Runbook): SessionOrigin {
		return sessionOrigin(runbook, this.options.env);
	}

	// The values the operator gave: saved ones, then --set over them (both checked); defaults are not in it.
	private given(): Record<string, string> {
		const saved = checkSavedValues(this.parameters, this.store.read().values, this.store.file);
		return {...saved, ...checkSetValues(this.parameters, this.options.values)};
	}

	// The planner's view of a step from where the runbook's session is now.
	private planHere(runbook: Runbook, resolved: Step) {
		const {home, env} = this.origin(runbook);
		return planLiveStep(resolved, {home, env, where: {cwd: this.session(runbook.id).cwd, fixed: false}});
	}

	// Every check job of a runbook: its steps planned once from the runbook's origin (so checks find files where the
	// document's `cd`s put them even before anything ran), run in the session's directory unless the document fixes it.
	private checkJobs(runbook: Runbook, given: Record<string, string>, session: Session & {home: string} = {...this.session(runbook.id), home: this.origin(runbook).home}): CheckJob[] {
		const parameters = this.parametersOf(runbook.steps[0]?.id);
		const skip = missingParameterReason(runbook, parameters, parameterValues(parameters, given));
		const steps = runbook.steps.map(step => this.resolved(step, given));
		const planned = {runbook, steps, plans: planRunbook(steps, this.origin(runbook), readLiveText)};
		return steps.flatMap((_step, index) => stepCheckJobs(planned, index, session, skip));
	}

	private async runCheckJobs(jobs: CheckJob[], options: CheckRunOptions & {settle?: boolean}): Promise<CheckResult[]> {
		const onEvent = maskedListener(options.onEvent, this.masker);
		const results = await runChecks(jobs, {timeoutMs: options.timeoutMs ?? this.options.timeoutMs, onEvent, signal: options.signal, settle: options.settle, locate: this.locator()});
		return maskDeep(results, text => this.mask(text));
	}

	// Hints name the step that fixes a failure: searched in every loaded document, parameters filled in, built on first use.
	private locator(): LocateStep {
		let locate: LocateStep | undefined;
		return look => {
			const given = this.given();
			locate ??= stepLocator(this.documents.flatMap(document => document.runbooks.flatMap(runbook => runbook.steps.map(step => this.resolved(step, given)))));
			return locate(look);
		};
	}

	// A step filled in with the given values, then its own document's defaults.
	private resolved(step: Step, given: Record<string, string> = this.given()): Step {
		const parameters = this.parametersOf(step.id);
		return resolveStep(step, parameters, parameterValues(parameters, given));
	}

	// The parameters of the document a step (and so its runbook) is in.
	private parametersOf(stepId: string | undefined): Parameter[] {
		return (stepId === undefined ? undefined : this.steps.get(stepId)?.parameters) ?? this.parameters;
	}

	private record(stepId: string, transition: StepTransition, also?: (data: ProgressData) => void): void {
		recordSteps(this.store, [[stepId, transition]], data => {
			data.bootId = this.bootId;
			also?.(data);
		});
	}
}

/** A step's progress as the UI shows it, from its saved record (absent = pending). */
function stepProgress(runbook: Runbook, step: Step, saved: ProgressData['steps'][string] | undefined): StepProgress {
	const record = saved ?? {status: 'pending' as const};
	const changed = record.status === 'done' && record.fingerprint !== undefined && record.fingerprint !== stepFingerprint(step);
	return {runbook, step, changed, status: record.status, startedAt: record.startedAt, endedAt: record.endedAt, exitCode: record.exitCode, outputTail: record.outputTail};
}
