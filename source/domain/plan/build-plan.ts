import path from 'node:path';
import {FileChangeError, newText} from '../edit/file-change.js';
import {parameterValues} from '../params/parameters.js';
import {cwdAfter, predictCwd} from './predict-cwd.js';
import {resolveStep} from '../params/resolve-step.js';
import {unifiedDiff} from '../edit/unified-diff.js';
import type {Action, Check, Parameter, SetupDocument} from '../types.js';

/** An action as plan shows it: parameters filled in; write/edit also carry the file and the diff they would make. */
export type PlannedAction = Action & {
	/** Absolute path a write/edit lands on (relative paths resolved against the predicted cwd). */
	target?: string;
	/** Unified diff against the file as it is now ('' = no change). */
	diff?: string;
	/** Why no diff can be shown (e.g. the file to edit does not exist yet). */
	problem?: string;
};

/** A step in the plan (its markdown left out). */
export interface PlannedStep {
	id: string;
	number: number;
	line: number;
	title: string;
	/** Predicted working directory at the start of the step. */
	cwd: string;
	actions: PlannedAction[];
	checks: Check[];
	notes: string[];
}

/** The plan of one document. */
export interface PlannedDocument {
	path: string;
	title: string;
	parameters: Array<Parameter & {value?: string}>;
	runbooks: Array<{id: string; title: string; group: string; line: number; steps: PlannedStep[]}>;
}

/** What `buildPlan` needs from the outside world. */
export interface PlanEnvironment {
	/** Current text of an absolute path, or undefined when there is no such file (may throw FileChangeError). */
	readFile: (file: string) => string | undefined;
	/** Where relative paths start: the directory plan runs in and the home directory. */
	start: {cwd: string; home: string};
}

function planAction(action: Action, cwd: string, environment: PlanEnvironment): PlannedAction {
	if (action.kind !== 'write' && action.kind !== 'edit') return action;
	const target = path.posix.resolve(cwd, action.path.replace(/^~(?=\/|$)/, environment.start.home));
	try {
		const oldText = environment.readFile(target);
		return {...action, target, diff: unifiedDiff(target, oldText, newText(oldText, {...action, path: target}))};
	} catch (error) {
		if (!(error instanceof FileChangeError)) throw error;
		return {...action, target, problem: error.message};
	}
}

/**
 * Everything the documents would do here and now: each step resolved with the `given` (validated `--set`) values
 * or the defaults, each file change diffed against the file as `environment.readFile` sees it. Changes nothing.
 */
export function buildPlan(documents: SetupDocument[], given: Record<string, string>, environment: PlanEnvironment): PlannedDocument[] {
	return documents.map((document) => planDocument(document, parameterValues(document.parameters, given), environment));
}

function planDocument(document: SetupDocument, values: Record<string, string>, environment: PlanEnvironment): PlannedDocument {
	return {
		path: document.path,
		title: document.title,
		parameters: document.parameters.map((parameter) => ({...parameter, ...(values[parameter.name] === undefined ? {} : {value: values[parameter.name]})})),
		runbooks: document.runbooks.map((runbook) => {
			const resolved = {...runbook, steps: runbook.steps.map((step) => resolveStep(step, document.parameters, values))};
			return {
				id: runbook.id,
				title: runbook.title,
				group: runbook.group,
				line: runbook.line,
				steps: resolved.steps.map((step, index) => {
					const cwd = predictCwd(resolved, index, environment.start);
					let current = cwd;
					const actions = step.actions.map((action) => {
						const planned = planAction(action, current, environment);
						if (action.kind === 'run') current = cwdAfter(action.command, current, environment.start.home);
						return planned;
					});
					return {
						id: step.id,
						number: step.number,
						line: step.line,
						title: step.title,
						cwd,
						actions,
						checks: step.checks,
						notes: step.notes,
					};
				}),
			};
		}),
	};
}
