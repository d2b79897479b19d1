import {Box, Text} from 'ink';
import type {PreflightFinding} from '../../domain/preflight/types.js';
import {findingLines, preflightCounts, startScreenFindings} from '../../domain/preflight/start-screen.js';
import {wrapLines} from '../../domain/output/wrap-lines.js';
import {ScrollView} from './scroll-view.js';

/** Rows the summary takes for these findings within `budget` (undefined findings: the one "looking" row). */
export function preflightRows(findings: readonly PreflightFinding[] | undefined, budget: number): number {
	if (findings === undefined) return 1;
	const {attention, present} = startScreenFindings(findings);
	return Math.min(Math.max(budget, 1), 1 + attention.length * 2 + present.length);
}

/**
 * Preflight on the start screen, in at most `budget` rows: the counts, each finding that needs a look (what, then what
 * it means and what to do, on one row), then what is already in place; `p` shows all of it.
 */
export function PreflightSummary({findings, budget}: {findings?: readonly PreflightFinding[]; budget: number}) {
	if (findings === undefined) return <Text dimColor>Preflight: looking at this server…</Text>;
	const {attention, present} = startScreenFindings(findings);
	const rows: Array<{key: string; text: string; color?: string; dim?: boolean}> = [];
	for (const finding of attention) {
		const color = finding.level === 'block' ? 'red' : 'yellow';
		const [what, ...rest] = findingLines(finding);
		rows.push({key: `${finding.id} what`, text: what!, color});
		const detail = [finding.consequence, finding.todo && `to do: ${finding.todo}`].filter(Boolean).join(' — ');
		if (rest.length > 0) rows.push({key: `${finding.id} detail`, text: `  ${detail}`, dim: true});
	}

	for (const finding of present) rows.push({key: finding.id, text: findingLines(finding)[0]!, dim: true});
	const room = Math.max(budget - 1, 0);
	const shown = rows.length > room ? rows.slice(0, Math.max(room - 1, 0)) : rows;
	const hidden = rows.length - shown.length;
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>Preflight</Text>
				{`: ${preflightCounts(findings)}${findings.length > 0 ? ' (p: all of it)' : ''}`}
			</Text>
			{shown.map(row => (
				<Text key={row.key} color={row.color} dimColor={row.dim} wrap="truncate-end">
					{row.text}
				</Text>
			))}
			{hidden > 0 ? <Text dimColor>{`  … ${hidden} more rows (p)`}</Text> : null}
		</Box>
	);
}

/** Every preflight finding with what it means and what to do, wrapped and scrollable. */
export function PreflightDetails({findings, width, height}: {findings: readonly PreflightFinding[]; width: number; height: number}) {
	const lines = findings.flatMap(finding => findingLines(finding));
	return <ScrollView rows={wrapLines(lines.length > 0 ? lines : ['nothing to report'], width)} height={height} color={row => (row.startsWith('⚠') ? 'yellow' : row.startsWith('✖') ? 'red' : undefined)} />;
}
