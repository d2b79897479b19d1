/** What the checklist shows, computed from the controller's progress: pure, so it is tested without a terminal. */
import type {Controller, StepProgress} from '../engine/controller-types.js';
import {runbookMarks, runbookStanding, type RunbookStanding} from '../domain/marks.js';
import type {Runbook, StepStatus} from '../domain/types.js';

/** One runbook's line in the checklist. */
export interface ChecklistEntry {
	runbook: Runbook;
	/** The `##` component heading shown above the first runbook of a group ('' = none). */
	heading?: string;
	mark: string;
	/** Done steps (skipped ones are counted apart). */
	done: number;
	skipped: number;
	total: number;
	/** First step that is neither done nor skipped, else the first skipped one. */
	nextStep?: string;
	status: RunbookStanding;
}

/** True when a step needs no more work. */
export function isFinished(status: StepStatus): boolean {
	return status === 'done' || status === 'skipped';
}

/** The checklist entries in document order, a heading on the first runbook of each component. */
export function checklistEntries(controller: Controller): ChecklistEntry[] {
	const all = controller.allProgress();
	let lastGroup: string | undefined;
	return controller.runbooks.map(runbook => {
		const steps = all.filter(p => p.runbook.id === runbook.id);
		const status = runbookStanding(steps.map(s => s.status));
		const heading = runbook.group !== lastGroup ? runbook.group : undefined;
		lastGroup = runbook.group;
		return {
			runbook,
			heading,
			mark: runbookMarks[status],
			done: steps.filter(s => s.status === 'done').length,
			skipped: steps.filter(s => s.status === 'skipped').length,
			total: steps.length,
			nextStep: (steps.find(s => !isFinished(s.status)) ?? steps.find(s => s.status === 'skipped'))?.step.id,
			status,
		};
	});
}

/** Index of the entry to highlight: the resume point's runbook, else the first unfinished, else 0. */
export function highlightedIndex(entries: ChecklistEntry[], resumeRunbook?: string): number {
	const byResume = entries.findIndex(e => e.runbook.id === resumeRunbook);
	if (byResume >= 0) return byResume;
	const unfinished = entries.findIndex(e => e.status !== 'done');
	return Math.max(unfinished, 0);
}

/** Where a step sits: its runbook, its position and the runbook's length. */
export function locateStep(controller: Controller, stepId: string): {runbook: Runbook; index: number} | undefined {
	for (const runbook of controller.runbooks) {
		const index = runbook.steps.findIndex(s => s.id === stepId);
		if (index >= 0) return {runbook, index};
	}

	return undefined;
}
