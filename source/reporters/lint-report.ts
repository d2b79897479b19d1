import type {LintFinding} from '../domain/lint/lint-documents.js';

/** Counts of a lint run. */
export interface LintSummary {
	findings: number;
	/** Documents read. */
	documents: number;
	/** Documents with at least one finding. */
	outdated: number;
	/** Findings per rule id. */
	byRule: Record<string, number>;
}

/** How many findings, in how many documents, of which rules. */
export function lintSummary(findings: readonly LintFinding[], documents: number): LintSummary {
	const byRule: Record<string, number> = {};
	for (const finding of findings) byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
	return {findings: findings.length, documents, outdated: new Set(findings.map((finding) => finding.file)).size, byRule};
}

/**
 * The text report of `lint`: one finding a line, `FILE:LINE: rule: what — instead: … (since …)` (the shape editors and
 * CI annotate), then one summary line. `display` shortens a document's path for the reader.
 */
export function formatLintText(findings: readonly LintFinding[], documents: number, display: (file: string) => string = (file) => file): string {
	const lines = findings.map((finding) => `${display(finding.file)}:${finding.line}: ${finding.rule}: ${finding.what} — instead: ${finding.instead} (since ${finding.since})`);
	const summary = lintSummary(findings, documents);
	const of = `${documents} document${documents === 1 ? '' : 's'}`;
	lines.push(findings.length === 0 ? `no outdated instructions in ${of}` : `${findings.length} outdated instruction${findings.length === 1 ? '' : 's'} in ${summary.outdated} of ${of}`);
	return `${lines.join('\n')}\n`;
}

/** The `lint --json` document: `{"findings":[{file,line,rule,step,what,instead,since}],"summary":{…}}`. */
export function formatLintJson(findings: readonly LintFinding[], documents: number): string {
	return `${JSON.stringify({findings, summary: lintSummary(findings, documents)}, null, 2)}\n`;
}
