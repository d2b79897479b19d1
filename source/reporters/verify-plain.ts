import type {CheckResult} from '../domain/events.js';
import {checkMarks as marks} from '../domain/marks.js';
import type {Runbook} from '../domain/types.js';
import type {VerifyRunInfo} from './verify-junit.js';
import {inDocumentOrder, verifySummary} from './verify-summary.js';
import {verifySummaryLine} from './verify-summary-line.js';


/**
 * The plain verify report: per runbook a heading, then one line per check — its mark (domain/marks.ts), the step's number and
 * title, what was checked, and why it passed, failed or was skipped — with a hint line under a failure when known,
 * and a summary line; given where and when it ran, last the one-line summary for monitoring (verify-summary-line.ts).
 */
export function formatVerifyPlain(results: CheckResult[], runbooks: Runbook[], run?: VerifyRunInfo): string {
	const titles = new Map(runbooks.map(runbook => [runbook.id, runbook.group ? `${runbook.group} › ${runbook.title}` : runbook.title]));
	const numbers = new Map(runbooks.flatMap(runbook => runbook.steps.map(step => [step.id, step.number] as const)));
	const lines: string[] = [];
	let current: string | undefined;
	for (const result of inDocumentOrder(results, runbooks)) {
		if (result.runbook !== current) {
			current = result.runbook;
			if (lines.length > 0) lines.push('');
			lines.push(titles.get(current) ?? current);
		}

		const number = numbers.get(result.step);
		const step = `${number === undefined ? result.step : `${number}.`}${result.stepTitle ? ` ${result.stepTitle}` : ''}`;
		lines.push(`  ${marks[result.status]} ${step} — ${result.title}: ${result.detail}`);
		if (result.hint && result.status === 'fail') lines.push(`      hint: ${result.hint}`);
	}

	const summary = verifySummary(results);
	if (lines.length > 0) lines.push('');
	lines.push(results.length === 0 ? 'no checks to run' : `${summary.pass} passed, ${summary.fail} failed, ${summary.skip} skipped`);
	if (run) lines.push(verifySummaryLine(results, runbooks, run));
	return `${lines.join('\n')}\n`;
}
