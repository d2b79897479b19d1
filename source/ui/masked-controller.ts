import type {CheckResult, RunListener} from '../domain/events.js';
import {shownDocument} from '../domain/params/shown-document.js';
import {maskDeep} from '../domain/secrets/masker.js';
import type {PreflightFinding} from '../domain/preflight/types.js';
import type {Runbook, SetupDocument, StepStatus} from '../domain/types.js';
import type {UndoPlan} from '../domain/undo/plan-undo.js';
import type {Controller, PreviewedAction, ResumePoint, RunStepOptions, StepProgress} from '../engine/controller-types.js';

/**
 * The controller as the screens see it: the documents (titles, instructions, commands, checks) with the operator's
 * values in place of the documents' own and every secret value the engine knows masked, ids kept so that every lookup still works. Events, previews and check results come masked
 * from the engine already. The masked copies are made again when the secrets known may have changed.
 */
export class MaskedController implements Controller {
	private readonly inner: Controller;
	private masked?: {documents: SetupDocument[]; runbooks: Runbook[]; steps: Map<string, {runbook: Runbook; step: Runbook['steps'][number]}>};

	constructor(inner: Controller) {
		this.inner = inner;
	}

	get documents(): SetupDocument[] {
		return this.view().documents;
	}

	get runbooks(): Runbook[] {
		return this.view().runbooks;
	}

	// The form needs the real defaults to fill itself in; it hides the values of secret parameters itself.
	get parameters() {
		return this.inner.parameters;
	}

	mask(text: string): string {
		return this.inner.mask(text);
	}

	values(): Record<string, string> {
		return this.inner.values();
	}

	documentValues(document: SetupDocument): Record<string, string> {
		return this.inner.documentValues(document);
	}

	setValues(values: Record<string, string>): void {
		this.inner.setValues(values);
		this.masked = undefined;
	}

	missingValues() {
		return this.inner.missingValues();
	}

	async editByHand(stepId: string, file: string, edit: () => void) {
		return this.inner.editByHand(stepId, file, edit);
	}

	unanswered(runbookId: string) {
		return this.inner.unanswered(runbookId);
	}

	parametersUsedBy(ids: string[]) {
		return this.inner.parametersUsedBy(ids);
	}

	progress(stepId: string): StepProgress {
		return this.shown(this.inner.progress(stepId));
	}

	allProgress(): StepProgress[] {
		return this.inner.allProgress().map(item => this.shown(item));
	}

	resumePoint(): ResumePoint | undefined {
		return this.inner.resumePoint();
	}

	session(runbookId: string): {cwd: string; env: Record<string, string>} {
		return this.inner.session(runbookId);
	}

	async preview(stepId: string): Promise<PreviewedAction[]> {
		return this.inner.preview(stepId);
	}

	async runStep(stepId: string, options?: RunStepOptions): Promise<StepStatus> {
		try {
			return await this.inner.runStep(stepId, options);
		} finally {
			// A step may have exported a token: the engine may know one more secret. The copies are replaced only when
			// they change, so that the screens do not redraw everything after every step.
			const before = this.masked;
			this.masked = undefined;
			if (before && JSON.stringify(this.view().runbooks) === JSON.stringify(before.runbooks)) this.masked = before;
		}
	}

	skipStep(stepId: string): void {
		this.inner.skipStep(stepId);
	}

	markDone(stepId: string): void {
		this.inner.markDone(stepId);
	}

	// The diffs come masked from the engine; masked again here with what is known now, as everything the screens show.
	async undoStep(stepId: string, options?: {dryRun?: boolean}): Promise<UndoPlan> {
		const mask = (text: string) => this.inner.mask(text);
		return maskDeep(await this.inner.undoStep(stepId, options), mask);
	}

	async preflight(): Promise<PreflightFinding[]> {
		const mask = (text: string) => this.inner.mask(text);
		return maskDeep(await this.inner.preflight(), mask);
	}

	async checkStep(stepId: string, options?: {onEvent?: RunListener; timeoutMs?: number}): Promise<CheckResult[]> {
		return this.inner.checkStep(stepId, options);
	}

	async verifyAll(options?: {onEvent?: RunListener; timeoutMs?: number}): Promise<CheckResult[]> {
		return this.inner.verifyAll(options);
	}

	private shown(item: StepProgress): StepProgress {
		const found = this.view().steps.get(item.step.id);
		return found ? {...item, ...found} : item;
	}

	private view() {
		if (!this.masked) {
			const mask = (text: string) => this.inner.mask(text);
			// Each document with its own defaults, as its steps run: `tomesh.net` in one, `example.org` in another.
			const documents = maskDeep(this.inner.documents.map(document => shownDocument(document, this.inner.documentValues(document))), mask);
			const byId = new Map(documents.flatMap(document => document.runbooks.map(runbook => [runbook.id, runbook] as const)));
			const runbooks = this.inner.runbooks.map(runbook => byId.get(runbook.id) ?? maskDeep(runbook, mask));
			const steps = new Map(runbooks.flatMap(runbook => runbook.steps.map(step => [step.id, {runbook, step}] as const)));
			this.masked = {documents, runbooks, steps};
		}

		return this.masked;
	}
}
