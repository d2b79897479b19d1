/** Which screen comes when: pure functions of the controller's state, kept apart from the rendering. */
import type {Controller} from '../engine/controller-types.js';
import {procedureKind} from '../domain/plan/procedure-kind.js';
import type {Parameter} from '../domain/types.js';
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
	/** The settings: `runbookId`'s unanswered ones before its first step, or (without) all those in scope; then `then`. */
	| {name: 'params'; runbookId?: string; then: Screen}
	/** Between two procedures of different kinds: `stepId` (the next one's first) runs only when the operator says so. */
	| {name: 'between'; from: string; stepId: string; flash?: string}
	| {name: 'checklist'; flash?: string}
	| {name: 'step'; stepId: string; flash?: string}
	| {name: 'running'; stepId: string}
	| {name: 'verify'; back: boolean};

/** The next step to open after `stepId`: the next unfinished one of its runbook, else wherever work remains (`deferred` runbooks left out). */
export function nextStep(controller: Controller, stepId: string, deferred: ReadonlySet<string> = new Set()): string | undefined {
	const where = locateStep(controller, stepId);
	const later = where?.runbook.steps.slice(where.index + 1).find(s => !isFinished(controller.progress(s.id).status));
	if (later) return later.id;
	const left = controller.allProgress().find(p => !isFinished(p.status) && !deferred.has(p.runbook.id));
	return left?.step.id;
}

/** The settings a runbook uses that nobody answered yet, asked before its first step (`preset`: only those with no value). */
export function askedBefore(controller: Controller, runbookId: string, preset?: boolean): Parameter[] {
	const values = controller.values();
	return controller.unanswered(runbookId).filter(p => !preset || !values[p.name]);
}

/** Opens a step: first the settings its procedure uses that nobody answered yet (see askedBefore). */
export function openStep(controller: Controller, stepId: string, flash?: string, preset?: boolean): Screen {
	const step: Screen = {name: 'step', stepId, ...(flash ? {flash} : {})};
	const where = locateStep(controller, stepId);
	if (!where) return step;
	return askedBefore(controller, where.runbook.id, preset).length > 0 ? {name: 'params', runbookId: where.runbook.id, then: step} : step;
}

/**
 * Where the walkthrough goes after `stepId` ended: the next step, via the settings it needs, or a stop between two
 * procedures of different kinds (setup, then an upgrade), or the checklist when nothing is left.
 */
export function afterStep(controller: Controller, stepId: string, flash: string, deferred: ReadonlySet<string> = new Set(), preset?: boolean): Screen {
	const next = nextStep(controller, stepId, deferred);
	if (!next) {
		const later = controller.runbooks.filter(r => deferred.has(r.id) && r.steps.some(s => !isFinished(controller.progress(s.id).status)));
		return {name: 'checklist', flash: later.length > 0 ? `${flash}. Left for later: ${later.map(r => r.title).join(', ')}.` : `${flash}. Every step is done.`};
	}

	const from = locateStep(controller, stepId)?.runbook;
	const to = locateStep(controller, next)?.runbook;
	if (from && to && from.id !== to.id && procedureKind(from) !== procedureKind(to)) return {name: 'between', from: from.id, stepId: next, flash};
	return openStep(controller, next, flash, preset);
}

/** Where the TUI opens: verify, the not-root screen, `--only`'s step (after its settings), or the checklist. */
export function firstScreen(controller: Controller, {mode, only, isRoot, trial, preset}: StartFlags): Screen {
	if (mode === 'verify') return {name: 'verify', back: false};
	if (!isRoot && !trial) return {name: 'not-root'};
	const resume = controller.resumePoint();
	if (only && resume) return openStep(controller, resume.step, undefined, preset);
	return {name: 'checklist'};
}
