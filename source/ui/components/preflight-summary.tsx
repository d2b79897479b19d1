import {Box, Text} from 'ink';
import type {PreflightFinding} from '../../domain/preflight/types.js';
import {findingLines, preflightCounts} from '../../domain/preflight/finding-text.js';
import {startScreenFindings} from '../../domain/preflight/start-screen.js';
import {wrapLines} from '../../domain/output/wrap-lines.js';
import {ScrollView} from './scroll-view.js';

type Row = {key: string; text: string; color?: string; dim?: boolean};

// Every finding is named on one row first; the rows left over go to what each needing a look means and what to do.
function summaryRows(findings: readonly PreflightFinding[], room: number): Row[] {
	const {attention, present} = startScreenFindings(findings);
	const named = attention.length + present.length;
	// No room: the headline alone (it already says that f shows all of it).
	if (room <= 0) return [];
	if (named > room) {
		const rows = [...attention.map(finding => whatRow(finding)), ...present.map(finding => whatRow(finding))].slice(0, Math.max(room - 1, 0));
		return [...rows, {key: 'more', text: `  … ${named - rows.length} more (f)`, dim: true}];
	}

	let spare = room - named;
	const rows: Row[] = [];
	for (const finding of attention) {
		rows.push(whatRow(finding));
		const detail = [finding.consequence, finding.todo && `to do: ${finding.todo}`].filter(Boolean).join(' — ');
		if (detail && spare > 0) {
			rows.push({key: `${finding.id} detail`, text: `  ${detail}`, dim: true});
			spare--;
		}
	}

	return [...rows, ...present.map(finding => whatRow(finding))];
}

function whatRow(finding: PreflightFinding): Row {
	const color = finding.level === 'block' ? 'red' : finding.level === 'warn' ? 'yellow' : undefined;
	return {key: finding.id, text: findingLines(finding)[0]!, color, dim: finding.level === 'ok'};
}

/** Rows the summary takes for these findings within `budget` (undefined findings: the one "looking" row). */
export function preflightRows(findings: readonly PreflightFinding[] | undefined, budget: number): number {
	if (findings === undefined) return 1;
	return 1 + summaryRows(findings, Math.max(budget - 1, 0)).length;
}

/**
 * Preflight on the start screen, in at most `budget` rows: the counts, each finding that needs a look and then what is
 * already in place, one row each; the rows left over say what the findings mean and what to do. `f` shows all of it.
 */
export function PreflightSummary({findings, budget}: {findings?: readonly PreflightFinding[]; budget: number}) {
	if (findings === undefined) return <Text dimColor>Preflight: looking at this server…</Text>;
	const rows = summaryRows(findings, Math.max(budget - 1, 0));
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>Preflight</Text>
				{`: ${preflightCounts(findings)}${findings.length > 0 ? ' (f: all of it)' : ''}`}
			</Text>
			{rows.map(row => (
				<Text key={row.key} color={row.color} dimColor={row.dim} wrap="truncate-end">
					{row.text}
				</Text>
			))}
		</Box>
	);
}

/** Every preflight finding with what it means and what to do, wrapped and scrollable. */
export function PreflightDetails({findings, width, height}: {findings: readonly PreflightFinding[]; width: number; height: number}) {
	const lines = findings.flatMap(finding => findingLines(finding));
	return <ScrollView rows={wrapLines(lines.length > 0 ? lines : ['nothing to report'], width)} height={height} color={row => (row.startsWith('⚠') ? 'yellow' : row.startsWith('✖') ? 'red' : undefined)} />;
}
