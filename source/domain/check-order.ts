import type {CheckResult} from './events.js';
import type {Runbook} from './types.js';

/** Results in document order (runbook, then step number), stable within a step; unknown runbooks last. */
export function inDocumentOrder(results: CheckResult[], runbooks: Runbook[]): CheckResult[] {
	const order = new Map<string, number>();
	let index = 0;
	for (const runbook of runbooks) for (const step of runbook.steps) order.set(step.id, index++);
	return results
		.map((result, position) => ({result, position, rank: order.get(result.step) ?? Number.MAX_SAFE_INTEGER}))
		.sort((a, b) => a.rank - b.rank || a.position - b.position)
		.map(entry => entry.result);
}
