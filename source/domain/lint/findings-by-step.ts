import type {LintFinding} from './lint-documents.js';

/** The findings grouped by step id, for screens that show a step's outdated instructions next to it. */
export function findingsByStep(findings: readonly LintFinding[]): Map<string, LintFinding[]> {
	const byStep = new Map<string, LintFinding[]>();
	for (const finding of findings) byStep.set(finding.step, [...(byStep.get(finding.step) ?? []), finding]);
	return byStep;
}

/** How many findings each document (by path) has; documents without findings are absent. */
export function findingsByFile(findings: readonly LintFinding[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const finding of findings) counts.set(finding.file, (counts.get(finding.file) ?? 0) + 1);
	return counts;
}
