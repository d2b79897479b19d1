import type {CheckResult} from '../domain/events.js';
import type {Runbook} from '../domain/types.js';
import {checkName, stepNumbers} from './verify-junit.js';
import {inDocumentOrder} from './verify-summary.js';

/** A description safe on one TAP line: no newline, and no `#` that would start a directive. */
function tapText(text: string): string {
	return text.replaceAll(/\s*\n\s*/g, ' ').replaceAll('#', '\\#');
}

/** A YAML block scalar-free diagnostic value: JSON strings are valid YAML. */
const yamlString = (text: string) => JSON.stringify(text);

/**
 * `verify --format tap`: TAP version 14 — the plan line `1..N`, then `ok`/`not ok` per check in document order, a
 * skipped check as `ok N - … # SKIP reason`, and a failure's detail and hint as a YAML diagnostic block.
 */
export function formatVerifyTap(results: CheckResult[], runbooks: Runbook[]): string {
	const numbers = stepNumbers(runbooks);
	const lines = ['TAP version 14', `1..${results.length}`];
	for (const [index, result] of inDocumentOrder(results, runbooks).entries()) {
		const name = `${tapText(result.runbook)}: ${tapText(checkName(result, numbers))}`;
		if (result.status === 'pass') {
			lines.push(`ok ${index + 1} - ${name}`);
		} else if (result.status === 'skip') {
			lines.push(`ok ${index + 1} - ${name} # SKIP ${tapText(result.detail)}`);
		} else {
			lines.push(`not ok ${index + 1} - ${name}`, '  ---', `  message: ${yamlString(result.detail)}`);
			if (result.hint) lines.push(`  hint: ${yamlString(result.hint)}`);
			lines.push(`  step: ${yamlString(result.step)}`, '  ...');
		}
	}

	return `${lines.join('\n')}\n`;
}
