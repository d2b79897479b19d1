import {preflightMarks} from '../domain/marks.js';
import {findingLines, preflightCounts, preflightSummary} from '../domain/preflight/finding-text.js';
import type {PreflightFacts, PreflightFinding} from '../domain/preflight/types.js';

/** The text report of `preflight`: every finding with its mark, then the counts. */
export function formatPreflightText(findings: readonly PreflightFinding[]): string {
	return `${['Preflight: what is already on this server', ...findings.flatMap((finding) => findingLines(finding, {indent: '  ', id: true})), '', preflightCounts(findings)].join('\n')}\n`;
}

/** The `preflight --json` document: `{"findings":[{id,level,what,consequence,todo}],"summary":{ok,warn,block},"facts":{…}}`. */
export function formatPreflightJson(findings: readonly PreflightFinding[], facts: PreflightFacts): string {
	return `${JSON.stringify({findings, summary: preflightSummary(findings), facts}, null, 2)}\n`;
}

/** The short preflight section on top of the text plan: the counts, then only what needs a look. */
export function formatPreflightSection(findings: readonly PreflightFinding[]): string {
	const attention = findings.filter((finding) => finding.level !== 'ok');
	const lines = [`Preflight: ${preflightCounts(findings)}${attention.length > 0 ? ' (tomesh-setup preflight for details)' : ''}`];
	for (const finding of attention) lines.push(`  ${preflightMarks[finding.level]} ${finding.what}${finding.consequence ? ` — ${finding.consequence}` : ''}`);
	return `${lines.join('\n')}\n\n`;
}
