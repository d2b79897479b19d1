import type {CheckResult} from '../domain/events.js';
import type {Runbook} from '../domain/types.js';

/** Counts of a verify run. */
export interface VerifySummary {
	pass: number;
	fail: number;
	skip: number;
}

/** How many checks passed, failed and were skipped. */
export function verifySummary(results: CheckResult[]): VerifySummary {
	const summary = {pass: 0, fail: 0, skip: 0};
	for (const result of results) summary[result.status]++;
	return summary;
}

/**
 * The exit code of verify: 1 when any check failed, else 0. Skipped checks (a parameter without a value) do not fail
 * verify — they are reported with their reason — because they say nothing about the machine.
 */
export function verifyExitCode(results: CheckResult[]): number {
	return results.some(result => result.status === 'fail') ? 1 : 0;
}

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
