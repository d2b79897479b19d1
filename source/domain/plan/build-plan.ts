import {fillProse} from '../params/fill-prose.js';
import {parameterValues} from '../params/parameters.js';
import {resolveStep} from '../params/resolve-step.js';
import {shownRunbookTitles} from '../params/shown-document.js';
import type {Check, Parameter, Runbook, SetupDocument} from '../types.js';
import type {ShellPlace} from './follow-cd.js';
import {planRunbook} from './plan-runbook.js';
import type {PlannedAction, ReadText} from './plan-step.js';

/** An action as `plan` reports it: the planner's action without the files' whole texts. */
export type ReportedAction = PlannedAction extends infer Each ? (Each extends unknown ? Omit<Each, 'before' | 'after'> : never) : never;

/** A step in the plan (its markdown left out). */
export interface PlannedStep {
	id: string;
	number: number;
	line: number;
	title: string;
	/** Predicted working directory at the start of the step ('' when an earlier `cd` cannot be followed). */
	cwd: string;
	actions: ReportedAction[];
	checks: Check[];
	notes: string[];
}

/** The plan of one document. */
export interface PlannedDocument {
	path: string;
	title: string;
	/** What the document is written for and what supersedes it (its annotations), when it says. */
	targets?: string;
	writtenFor?: string;
	supersededBy?: string;
	parameters: Array<Parameter & {value?: string}>;
	runbooks: Array<{id: string; title: string; group: string; line: number; steps: PlannedStep[]}>;
}

/** What `buildPlan` needs from the outside world. */
export interface PlanEnvironment {
	/** Current text of an absolute path, or undefined when there is no such file (may throw FileChangeError). */
	readFile: ReadText;
	/** Where a runbook's session starts and its home (the engine's definition: engine/session-origin.ts). */
	origin: (runbook: Runbook) => ShellPlace & {cwd: string};
}

/**
 * Everything the documents would do here and now: each step resolved with the `given` (validated `--set`) values
 * or the defaults, planned by the same planner the walkthrough and execution use, each file change diffed against
 * the file as earlier steps of the runbook would leave it. Changes nothing.
 */
export function buildPlan(documents: SetupDocument[], given: Record<string, string>, environment: PlanEnvironment): PlannedDocument[] {
	return documents.map(document => planDocument(document, parameterValues(document.parameters, given), environment));
}

function planDocument(document: SetupDocument, values: Record<string, string>, environment: PlanEnvironment): PlannedDocument {
	return {
		path: document.path,
		title: fillProse(document.title, document.parameters, values),
		...(document.targets ? {targets: document.targets} : {}),
		...(document.writtenFor ? {writtenFor: document.writtenFor} : {}),
		...(document.supersededBy ? {supersededBy: document.supersededBy} : {}),
		parameters: document.parameters.map(parameter => ({...parameter, ...(values[parameter.name] === undefined ? {} : {value: values[parameter.name]})})),
		runbooks: document.runbooks.map(runbook => {
			const steps = runbook.steps.map(step => resolveStep(step, document.parameters, values));
			const plans = planRunbook(steps, environment.origin(runbook), environment.readFile);
			const {title, group} = shownRunbookTitles(runbook, document, values);
			return {
				id: runbook.id,
				title,
				group,
				line: runbook.line,
				steps: steps.map((step, index) => ({
					id: step.id,
					number: step.number,
					line: step.line,
					title: step.title,
					cwd: plans[index]!.start.cwd ?? '',
					actions: plans[index]!.actions.map(({before: _before, after: _after, ...reported}) => reported),
					checks: step.checks,
					notes: step.notes,
				})),
			};
		}),
	};
}
