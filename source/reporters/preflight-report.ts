import type {PreflightFacts, PreflightFinding, PreflightLevel} from '../domain/preflight/types.js';

const marks: Record<PreflightLevel, string> = {ok: '✔', warn: '⚠', block: '✖'};

/** How many findings of each level. */
export function preflightSummary(findings: readonly PreflightFinding[]): Record<PreflightLevel, number> {
	const summary = {ok: 0, warn: 0, block: 0};
	for (const finding of findings) summary[finding.level]++;
	return summary;
}

/** "9 ok, 2 warnings, 0 blocking". */
function counts(findings: readonly PreflightFinding[]): string {
	const {ok, warn, block} = preflightSummary(findings);
	return `${ok} ok, ${warn} warning${warn === 1 ? '' : 's'}, ${block} blocking`;
}

/** A finding's lines: mark, id and what; then, when there is one, what it means and what to do. */
function findingLines(finding: PreflightFinding, indent: string): string[] {
	const lines = [`${indent}${marks[finding.level]} ${finding.id}: ${finding.what}`];
	if (finding.consequence) lines.push(`${indent}    means: ${finding.consequence}`);
	if (finding.todo) lines.push(`${indent}    to do: ${finding.todo}`);
	return lines;
}

/** The text report of `preflight`: every finding with its mark, then the counts. */
export function formatPreflightText(findings: readonly PreflightFinding[]): string {
	return `${['Preflight: what is already on this server', ...findings.flatMap((finding) => findingLines(finding, '  ')), '', counts(findings)].join('\n')}\n`;
}

/** The `preflight --json` document: `{"findings":[{id,level,what,consequence,todo}],"summary":{ok,warn,block},"facts":{…}}`. */
export function formatPreflightJson(findings: readonly PreflightFinding[], facts: PreflightFacts): string {
	return `${JSON.stringify({findings, summary: preflightSummary(findings), facts}, null, 2)}\n`;
}

/** The short preflight section on top of the text plan: the counts, then only what needs a look. */
export function formatPreflightSection(findings: readonly PreflightFinding[]): string {
	const attention = findings.filter((finding) => finding.level !== 'ok');
	const lines = [`Preflight: ${counts(findings)}${attention.length > 0 ? ' (tomesh-setup preflight for details)' : ''}`];
	for (const finding of attention) lines.push(`  ${marks[finding.level]} ${finding.what}${finding.consequence ? ` — ${finding.consequence}` : ''}`);
	return `${lines.join('\n')}\n\n`;
}
