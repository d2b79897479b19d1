/**
 * An in-memory Controller for UI tests: a small document of two components, progress kept in a Map, and steps
 * whose outcome a test scripts (`outcomes`). It never touches the system.
 */
import type {Controller, PreviewedAction, ResumePoint, RunStepOptions, StepProgress} from '../../source/engine/controller-types.js';
import type {CheckResult, RunEvent} from '../../source/domain/events.js';
import type {PreflightFinding} from '../../source/domain/preflight/types.js';
import type {UndoPlan} from '../../source/domain/undo/plan-undo.js';
import {InputError, type Parameter, type Runbook, type SetupDocument, type Step, type StepStatus} from '../../source/domain/types.js';

/** What a scripted step does when run. */
export interface FakeOutcome {
	status: StepStatus;
	output?: string[];
	/** Output events sent after `output`, as the engine sends a thinned flood. */
	chunks?: Array<{text: string; skipped?: number}>;
	/** Seconds of silence the engine reports after the output (a quiet command), in order. */
	silences?: number[];
	exitCode?: number;
	/** Resolve only when the run's AbortSignal fires (then: interrupted). */
	waitForAbort?: boolean;
}

/** Options of the fake. */
export interface FakeOptions {
	runbooks?: Runbook[];
	parameters?: Parameter[];
	statuses?: Record<string, StepStatus>;
	previews?: Record<string, PreviewedAction[]>;
	outcomes?: Record<string, FakeOutcome[]>;
	checks?: CheckResult[];
	rebooted?: boolean;
	/** The step whose reboot it was. */
	rebootedBy?: string;
	values?: Record<string, string>;
	/** What undoStep plans for a step (default: refused, nothing backed up). */
	undoPlans?: Record<string, UndoPlan>;
	/** What preflight finds (default: nothing); a promise lets a test decide when it arrives. */
	preflight?: PreflightFinding[] | Promise<PreflightFinding[]>;
}

/** A step with sensible defaults. */
export function fakeStep(runbookId: string, number: number, title: string, extra: Partial<Step> = {}): Step {
	return {
		id: `${runbookId}/${number}`,
		number,
		line: number,
		title,
		markdown: `${title}:\n\n\t# echo ${number}`,
		actions: [{kind: 'run', as: 'root', command: `echo ${number}`, line: number}],
		checks: [],
		notes: [],
		...extra,
	};
}

/** Two components, three runbooks: the default fixture of UI tests. */
export function fakeRunbooks(): Runbook[] {
	const make = (id: string, title: string, group: string, titles: string[]): Runbook => ({
		id,
		title,
		group,
		line: 1,
		steps: titles.map((t, i) => fakeStep(id, i + 1, t)),
	});
	return [
		make('homeserver.install', 'Install Synapse Homeserver', 'Set Up Matrix Homeserver', ['Update packages', 'Install dependencies', 'Create a virtualenv']),
		make('homeserver.configure', 'Configure Synapse', 'Set Up Matrix Homeserver', ['Enable registration', 'Start the server']),
		make('web.nginx', 'Install nginx', 'Set Up Web Client', ['Install nginx', 'Write the site file']),
	];
}

/** An in-memory Controller; `calls` records what the UI asked for. */
export class FakeController implements Controller {
	readonly documents: SetupDocument[];
	readonly runbooks: Runbook[];
	readonly parameters: Parameter[];
	readonly calls: string[] = [];
	/** How often preflight was asked for. */
	preflightCalls = 0;
	readonly statuses = new Map<string, StepStatus>();
	private readonly saved: Record<string, string>;
	private readonly options: FakeOptions;

	constructor(options: FakeOptions = {}) {
		this.options = options;
		this.runbooks = options.runbooks ?? fakeRunbooks();
		this.parameters = options.parameters ?? [];
		this.documents = [{path: 'fake.md', title: 'Fake', parameters: this.parameters, runbooks: this.runbooks}];
		for (const [id, status] of Object.entries(options.statuses ?? {})) this.statuses.set(id, status);
		this.saved = {...options.values};
	}

	mask(text: string): string {
		return text;
	}

	values(): Record<string, string> {
		const defaults = Object.fromEntries(this.parameters.filter(p => p.default !== undefined).map(p => [p.name, p.default!]));
		return {...defaults, ...this.saved};
	}

	documentValues(_document: SetupDocument): Record<string, string> {
		return this.values();
	}

	setValues(values: Record<string, string>): void {
		for (const [name, value] of Object.entries(values)) {
			if (value.trim() === '') throw new InputError('a value is required', name);
		}

		Object.assign(this.saved, values);
		this.calls.push(`setValues ${JSON.stringify(values)}`);
	}

	async editByHand(stepId: string, file: string, edit: () => void): Promise<void> {
		this.calls.push(`editByHand ${stepId} ${file}`);
		edit();
	}

	unanswered(runbookId: string): Parameter[] {
		const runbook = this.runbooks.find(r => r.id === runbookId);
		const text = JSON.stringify(runbook ?? {});
		const values = this.values();
		return this.parameters.filter(p => text.includes(p.literal) && (this.saved[p.name] === undefined || !values[p.name]));
	}

	parametersUsedBy(ids: string[]): Parameter[] {
		const wanted = new Set(ids);
		const found = [...this.runbooks.filter(r => wanted.has(r.id)), ...this.runbooks.flatMap(r => r.steps.filter(s => wanted.has(s.id)))];
		const text = JSON.stringify(found);
		return this.parameters.filter(p => text.includes(p.literal));
	}

	missingValues(): Parameter[] {
		const values = this.values();
		return this.parameters.filter(p => values[p.name] === undefined);
	}

	private find(stepId: string): {runbook: Runbook; step: Step} {
		for (const runbook of this.runbooks) {
			const step = runbook.steps.find(s => s.id === stepId);
			if (step) return {runbook, step};
		}

		throw new Error(`no step ${stepId}`);
	}

	progress(stepId: string): StepProgress {
		return {...this.find(stepId), status: this.statuses.get(stepId) ?? 'pending', changed: false};
	}

	allProgress(): StepProgress[] {
		return this.runbooks.flatMap(r => r.steps.map(s => this.progress(s.id)));
	}

	resumePoint(): ResumePoint | undefined {
		const next = this.allProgress().find(p => p.status !== 'done' && p.status !== 'skipped');
		if (!next) return undefined;
		const rebooted = this.options.rebooted ?? false;
		return {runbook: next.runbook.id, step: next.step.id, status: next.status, rebooted, ...(rebooted && this.options.rebootedBy ? {rebootedBy: this.options.rebootedBy} : {})};
	}

	session(_runbookId: string): {cwd: string; env: Record<string, string>} {
		return {cwd: '/tmp', env: {}};
	}

	async preview(stepId: string): Promise<PreviewedAction[]> {
		const given = this.options.previews?.[stepId];
		if (given) return given;
		return this.find(stepId).step.actions.map(action => ({
			action,
			description: action.kind === 'run' ? `run as ${action.as}: ${action.command}` : action.kind,
			command: action.kind === 'run' ? action.command : undefined,
		}));
	}

	async runStep(stepId: string, options: RunStepOptions = {}): Promise<StepStatus> {
		this.calls.push(`runStep ${stepId}`);
		const {runbook, step} = this.find(stepId);
		const emit = (event: RunEvent) => options.onEvent?.(event);
		const queue = this.options.outcomes?.[stepId];
		const outcome = queue && queue.length > 0 ? queue.shift()! : {status: 'done' as StepStatus, output: [`ran ${stepId}`]};
		emit({type: 'step-start', runbook: runbook.id, step: stepId, number: step.number, title: step.title});
		const action = step.actions[0]!;
		emit({type: 'action-start', step: stepId, index: 0, action, description: 'run as root: something'});
		for (const line of outcome.output ?? []) emit({type: 'output', step: stepId, stream: 'stdout', text: `${line}\n`});
		for (const chunk of outcome.chunks ?? []) emit({type: 'output', step: stepId, stream: 'stdout', ...chunk});
		for (const seconds of outcome.silences ?? []) emit({type: 'silence', step: stepId, seconds});
		let status = outcome.status;
		if (outcome.waitForAbort) {
			await new Promise<void>(resolve => {
				if (options.signal?.aborted) resolve();
				options.signal?.addEventListener('abort', () => resolve());
			});
			status = 'interrupted';
		}

		const ok = status === 'done';
		emit({type: 'action-end', step: stepId, index: 0, ok, outcome: ok ? 'ran' : status === 'interrupted' ? 'stopped' : 'failed', exitCode: ok ? 0 : outcome.exitCode ?? 1, durationMs: 5});
		emit({type: 'step-end', runbook: runbook.id, step: stepId, status, durationMs: 5, exitCode: ok ? 0 : outcome.exitCode ?? 1});
		this.statuses.set(stepId, status);
		return status;
	}

	skipStep(stepId: string): void {
		this.calls.push(`skipStep ${stepId}`);
		this.statuses.set(stepId, 'skipped');
	}

	markDone(stepId: string): void {
		this.calls.push(`markDone ${stepId}`);
		this.statuses.set(stepId, 'done');
	}

	async undoStep(stepId: string, options: {dryRun?: boolean} = {}): Promise<UndoPlan> {
		this.calls.push(`undoStep ${stepId}${options.dryRun ? ' (dry run)' : ''}`);
		const plan = this.options.undoPlans?.[stepId] ?? {ok: false, reason: `${stepId} changed no file that was backed up: nothing to put back`};
		if (plan.ok && !options.dryRun) this.statuses.set(stepId, 'pending');
		return plan;
	}

	async preflight(): Promise<PreflightFinding[]> {
		// A read, not an action: counted apart so that `calls` stays the list of what the UI asked to be done.
		this.preflightCalls++;
		return this.options.preflight ?? [];
	}

	async checkStep(stepId: string, options: {onEvent?: (event: RunEvent) => void} = {}): Promise<CheckResult[]> {
		this.calls.push(`checkStep ${stepId}`);
		const results = (this.options.checks ?? []).filter(c => c.step === stepId);
		for (const result of results) options.onEvent?.({type: 'check', result});
		return results;
	}

	async verifyAll(options: {onEvent?: (event: RunEvent) => void} = {}): Promise<CheckResult[]> {
		this.calls.push('verifyAll');
		const results = this.options.checks ?? [];
		for (const result of results) {
			await Promise.resolve();
			options.onEvent?.({type: 'check', result});
		}

		return results;
	}
}
