import type {CheckResult} from '../domain/events.js';
import type {Runbook} from '../domain/types.js';
import type {VerifyRunInfo} from './verify-junit.js';
import {inDocumentOrder, verifySummary} from './verify-summary.js';

/** How many failing checks a summary line names before it says "+N more". */
const named = 2;

/** Shortens a title to `max` characters with an ellipsis. */
function short(text: string, max = 40): string {
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One line for a monitoring mail's subject or a cron log: `tomesh-setup verify: 31 pass, 2 fail (nginx site …, …),
 * 1 skip on HOST at TIME`. Names the first failing checks so the line alone says what broke.
 */
export function verifySummaryLine(results: CheckResult[], runbooks: Runbook[], run: VerifyRunInfo): string {
	const summary = verifySummary(results);
	const failed = inDocumentOrder(results, runbooks).filter((result) => result.status === 'fail');
	const names = failed.slice(0, named).map((result) => short(result.stepTitle ? `${result.stepTitle}: ${result.title}` : result.title));
	if (failed.length > named) names.push(`+${failed.length - named} more`);
	const fail = `${summary.fail} fail${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
	return `tomesh-setup verify: ${summary.pass} pass, ${fail}, ${summary.skip} skip on ${run.host} at ${run.at.toISOString().replace(/\.\d+Z$/, 'Z')}`;
}
