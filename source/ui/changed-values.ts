import type {Controller} from '../engine/controller-types.js';

/**
 * What changing the values of `changed` means for the steps already done: the line naming the done steps that used
 * the old values (they are not run again by themselves), or a plain confirmation.
 */
export function changedValuesNote(controller: Controller, changed: string[]): string {
	if (changed.length === 0) return 'Settings unchanged';
	const names = new Set(changed);
	const done = controller.allProgress().filter(p => p.status === 'done' && controller.parametersUsedBy([p.step.id]).some(q => names.has(q.name)));
	const saved = `Saved ${changed.join(', ')}`;
	if (done.length === 0) return `${saved}; no done step used the old value${changed.length === 1 ? '' : 's'}`;
	const byRunbook = new Map<string, number[]>();
	for (const p of done) byRunbook.set(p.runbook.title, [...(byRunbook.get(p.runbook.title) ?? []), p.step.number]);
	const list = [...byRunbook].map(([title, numbers]) => `${title} ${numbers.join(', ')}`).join('; ');
	return `${saved}. Done steps that used the old value: ${list} — open one and press Enter to run it with the new value`;
}

/**
 * What `p` on the checklist offers to change: the parameters the runbooks in scope use that have a value (one still
 * unanswered is asked before the first step that needs it).
 */
export function parametersInScope(controller: Controller) {
	const values = controller.values();
	return controller.parametersUsedBy(controller.runbooks.map(r => r.id)).filter(p => values[p.name]);
}
