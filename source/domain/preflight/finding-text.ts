import {preflightMarks} from '../marks.js';
import type {PreflightFinding, PreflightLevel} from './types.js';

/** How many findings of each level. */
export function preflightSummary(findings: readonly PreflightFinding[]): Record<PreflightLevel, number> {
	const summary = {ok: 0, warn: 0, block: 0};
	for (const finding of findings) summary[finding.level]++;
	return summary;
}

/** "8 ok, 2 warnings, 0 blocking". */
export function preflightCounts(findings: readonly PreflightFinding[]): string {
	const {ok, warn, block} = preflightSummary(findings);
	return `${ok} ok, ${warn} warning${warn === 1 ? '' : 's'}, ${block} blocking`;
}

/** A finding's lines for people: mark, the id when asked, and what; then what it means and what to do when there is something to say. */
export function findingLines(finding: PreflightFinding, {indent = '', id = false}: {indent?: string; id?: boolean} = {}): string[] {
	const lines = [`${indent}${preflightMarks[finding.level]} ${id ? `${finding.id}: ` : ''}${finding.what}`];
	if (finding.consequence) lines.push(`${indent}    means: ${finding.consequence}`);
	if (finding.todo) lines.push(`${indent}    to do: ${finding.todo}`);
	return lines;
}
