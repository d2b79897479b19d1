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

export {inDocumentOrder} from '../domain/check-order.js';
