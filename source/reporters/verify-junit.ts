import type {CheckResult} from '../domain/events.js';
import type {Runbook} from '../domain/types.js';
import {inDocumentOrder, verifySummary} from './verify-summary.js';

/** Where and when verify ran, for reports that say so. */
export interface VerifyRunInfo {
	host: string;
	at: Date;
}

/** Text escaped for an XML attribute or element; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(text: string): string {
	return text
		// eslint-disable-next-line no-control-regex
		.replaceAll(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

/** A check's name in reports: the step's number and title, then what the check looks at. */
export function checkName(result: CheckResult, numbers: ReadonlyMap<string, number>): string {
	const number = numbers.get(result.step);
	const step = `${number === undefined ? result.step : `${number}.`}${result.stepTitle ? ` ${result.stepTitle}` : ''}`;
	return `${step} — ${result.title}`;
}

/** Step numbers by step id. */
export function stepNumbers(runbooks: Runbook[]): Map<string, number> {
	return new Map(runbooks.flatMap((runbook) => runbook.steps.map((step) => [step.id, step.number] as const)));
}

/**
 * `verify --format junit`: JUnit XML for CI and monitoring — one `<testsuite>` per runbook (checks in document order),
 * one `<testcase>` per check (classname = runbook id), `<failure message>` with the hint as text, `<skipped message>`.
 */
export function formatVerifyJunit(results: CheckResult[], runbooks: Runbook[], run: VerifyRunInfo): string {
	const numbers = stepNumbers(runbooks);
	const titles = new Map(runbooks.map((runbook) => [runbook.id, runbook.group ? `${runbook.group} › ${runbook.title}` : runbook.title]));
	const byRunbook = new Map<string, CheckResult[]>();
	for (const result of inDocumentOrder(results, runbooks)) byRunbook.set(result.runbook, [...(byRunbook.get(result.runbook) ?? []), result]);
	const timestamp = run.at.toISOString().replace(/\.\d+Z$/, '');
	const total = verifySummary(results);
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="tomesh-setup verify" tests="${results.length}" failures="${total.fail}" errors="0" skipped="${total.skip}">`,
	];
	for (const [runbook, checks] of byRunbook) {
		const summary = verifySummary(checks);
		lines.push(
			`  <testsuite name="${xmlEscape(titles.get(runbook) ?? runbook)}" id="${xmlEscape(runbook)}" tests="${checks.length}" failures="${summary.fail}" errors="0" skipped="${summary.skip}" hostname="${xmlEscape(run.host)}" timestamp="${timestamp}">`,
		);
		for (const result of checks) {
			const open = `    <testcase name="${xmlEscape(checkName(result, numbers))}" classname="${xmlEscape(runbook)}"`;
			if (result.status === 'pass') {
				lines.push(`${open}/>`);
			} else if (result.status === 'fail') {
				lines.push(`${open}>`, `      <failure message="${xmlEscape(result.detail)}" type="check">${xmlEscape(result.hint ?? result.detail)}</failure>`, '    </testcase>');
			} else {
				lines.push(`${open}>`, `      <skipped message="${xmlEscape(result.detail)}"/>`, '    </testcase>');
			}
		}

		lines.push('  </testsuite>');
	}

	lines.push('</testsuites>');
	return `${lines.join('\n')}\n`;
}
