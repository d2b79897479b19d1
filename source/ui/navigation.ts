/** Which screen comes when: pure functions of the controller's state, kept apart from the rendering. */
import type {Controller} from '../engine/controller-types.js';
import {isFinished, locateStep} from './checklist-model.js';

/** What the TUI was started with, as far as the first screen depends on it. */
export interface StartFlags {
	mode: 'run' | 'verify';
	only?: boolean;
	isRoot: boolean;
	trial?: boolean;
	preset?: boolean;
}

/** The screen on show and what it shows. */
export type Screen =
	| {name: 'not-root'}
	| {name: 'params'}
	| {name: 'checklist'; flash?: string}
	| {name: 'step'; stepId: string; flash?: string}
	| {name: 'running'; stepId: string}
	| {name: 'verify'; back: boolean};

/** The next step to open after `stepId`: the next unfinished one of its runbook, else wherever work remains. */
export function nextStep(controller: Controller, stepId: string): string | undefined {
	const where = locateStep(controller, stepId);
	const later = where?.runbook.steps.slice(where.index + 1).find(s => !isFinished(controller.progress(s.id).status));
	return later?.id ?? controller.resumePoint()?.step;
}

/** Where the TUI opens: verify, the not-root screen, the settings form, `--only`'s step, or the checklist. */
export function firstScreen(controller: Controller, {mode, only, isRoot, trial, preset}: StartFlags): Screen {
	if (mode === 'verify') return {name: 'verify', back: false};
	if (!isRoot && !trial) return {name: 'not-root'};
	// The form comes first on a fresh start (to confirm the document's defaults), and whenever a value is missing;
	// once the operator has given a value of their own or a step has run, the settings are known.
	const started = controller.allProgress().some(p => p.status !== 'pending');
	const values = controller.values();
	const customised = controller.parameters.some(p => values[p.name] !== undefined && values[p.name] !== p.default);
	if (controller.missingValues().length > 0 || (controller.parameters.length > 0 && !started && !preset && !customised)) return {name: 'params'};
	return afterParams(controller, only);
}

/** Where the TUI goes once the settings are known: `--only`'s first unfinished step, or the checklist. */
export function afterParams(controller: Controller, only?: boolean): Screen {
	const resume = controller.resumePoint();
	if (only && resume) return {name: 'step', stepId: resume.step};
	return {name: 'checklist'};
}
