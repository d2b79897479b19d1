import type {CheckResult} from '../domain/events.js';
import type {Runbook} from '../domain/types.js';
import {inDocumentOrder, verifySummary} from './verify-summary.js';

/**
 * The `verify --json` document (DESIGN.md §3): `{"checks":[{"runbook","step","title","status","detail"}],
 * "summary":{"pass","fail","skip"}}`, checks in document order, plus `stepTitle` and `hint` when known.
 */
export function formatVerifyJson(results: CheckResult[], runbooks: Runbook[]): string {
	const checks = inDocumentOrder(results, runbooks).map(result => ({
		runbook: result.runbook,
		step: result.step,
		title: result.title,
		status: result.status,
		detail: result.detail,
		...(result.stepTitle === undefined ? {} : {stepTitle: result.stepTitle}),
		...(result.hint === undefined ? {} : {hint: result.hint}),
	}));
	return `${JSON.stringify({checks, summary: verifySummary(results)}, null, 2)}\n`;
}
