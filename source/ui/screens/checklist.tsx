import {Box, Text, useStdout} from 'ink';
import SelectInput from 'ink-select-input';
import {useMemo} from 'react';
import {findingsByFile} from '../../domain/lint/findings-by-step.js';
import {lintDocuments} from '../../domain/lint/lint-documents.js';
import {documentStanding} from '../../domain/document-standing.js';
import {runbookMarks} from '../../domain/marks.js';
import type {Controller, ResumePoint} from '../../engine/controller-types.js';
import {checklistEntries, highlightedIndex, locateStep, type ChecklistEntry} from '../checklist-model.js';
import {KeyFooter} from '../components/key-footer.js';
import {useKeys} from '../hooks/use-keys.js';

/** Props of the checklist. */
export interface ChecklistProps {
	controller: Controller;
	/** Opens a step (the runbook's first unfinished one, or its first). */
	onOpenStep: (stepId: string) => void;
	onVerify: () => void;
	/** Opens the settings (`p`), when the documents have any. */
	onParams?: () => void;
	onQuit: () => void;
	/** A line shown on top (e.g. "✔ all done"). */
	flash?: string;
}

const statusColor: Record<ChecklistEntry['status'], string | undefined> = {
	done: 'green',
	failed: 'red',
	interrupted: 'yellow',
	skipped: 'yellow',
	started: 'cyan',
	pending: undefined,
};

// What each document is written for and what supersedes it; a document's title leads only when there are several.
function Standing({controller}: {controller: Controller}) {
	const lines = controller.documents.flatMap(document => {
		const standing = documentStanding(document);
		if (!standing) return [];
		return [{key: document.path, line: controller.documents.length > 1 ? `${document.title}: ${standing}` : standing}];
	});
	return (
		<>
			{lines.map(({key, line}) => (
				<Text key={key} dimColor>
					{line}
				</Text>
			))}
		</>
	);
}

/** The runbooks grouped by component, each with its mark and done/total; the first unfinished one highlighted. */
export function Checklist({controller, onOpenStep, onVerify, onParams, onQuit, flash}: ChecklistProps) {
	const {stdout} = useStdout();
	const resume = controller.resumePoint();
	const entries = useMemo(() => checklistEntries(controller), [controller]);
	const byId = useMemo(() => new Map(entries.map(e => [e.runbook.id, e])), [entries]);
	const outdated = useMemo(() => findingsByFile(lintDocuments(controller.documents)), [controller]);
	const items = entries.map(e => ({key: e.runbook.id, label: e.runbook.id, value: e}));
	useKeys(input => {
		if (input === 'q') onQuit();
		if (input === 'v') onVerify();
		if (input === 'p' && onParams && controller.parameters.length > 0) onParams();
	});
	const Item = ({label, isSelected}: {label: string; isSelected?: boolean}) => {
		const entry = byId.get(label)!;
		return (
			<Box flexDirection="column">
				{entry.heading ? <Text bold underline>{entry.heading}</Text> : null}
				<Text color={isSelected ? 'cyan' : undefined} bold={isSelected}>
					{isSelected ? '❯ ' : '  '}
					<Text color={statusColor[entry.status]}>{entry.mark}</Text> {entry.runbook.title}{' '}
					<Text dimColor>
						{entry.done}/{entry.total}
						{entry.skipped > 0 ? `, ${entry.skipped} skipped` : ''}
					</Text>
				</Text>
			</Box>
		);
	};

	const rows = stdout.rows > 0 ? stdout.rows : 24;
	return (
		<Box flexDirection="column">
			<Text bold>{controller.documents.map(d => d.title).join(' · ') || 'tomesh-setup'}</Text>
			{controller.documents.map(d =>
				outdated.has(d.path) ? (
					<Text key={d.path} color="yellow">
						⚠ {d.title}: {outdated.get(d.path)} outdated instruction{outdated.get(d.path) === 1 ? '' : 's'} (tomesh-setup lint)
					</Text>
				) : null,
			)}
			<Standing controller={controller} />
			{flash ? <Text color="green">{flash}</Text> : null}
			<ResumeLine controller={controller} resume={resume} />
			<Box marginTop={1} flexDirection="column">
				<SelectInput
					items={items}
					initialIndex={highlightedIndex(entries, resume?.runbook)}
					indicatorComponent={() => null}
					itemComponent={Item}
					limit={Math.max(3, Math.floor((rows - 8) / 2))}
					onSelect={item => {
						const entry = item.value;
						const stepId = entry.runbook.id === resume?.runbook ? resume.step : entry.nextStep ?? entry.runbook.steps[0]?.id;
						if (stepId) onOpenStep(stepId);
					}}
				/>
			</Box>
			<KeyFooter
				keys={[
					{key: '↑↓', label: 'choose'},
					{key: 'Enter', label: resume ? 'continue' : 'open'},
					{key: 'v', label: 'verify all'},
					...(onParams && controller.parameters.length > 0 ? [{key: 'p', label: 'settings'}] : []),
					{key: 'q', label: 'quit'},
				]}
			/>
		</Box>
	);
}

/** Where the operator stopped and what comes next; says so when the server rebooted in between. */
export function ResumeLine({controller, resume}: {controller: Controller; resume?: ResumePoint}) {
	if (!resume) {
		const skipped = controller.allProgress().filter(p => p.status === 'skipped').length;
		if (skipped > 0) return <Text color="yellow">{`${runbookMarks.skipped} ${skipped} step${skipped === 1 ? ' was' : 's were'} skipped: the setup is not complete. Enter opens a skipped step.`}</Text>;
		return <Text color="green">{`${runbookMarks.done} Every step is done. Press v to check that it all still works.`}</Text>;
	}

	const where = locateStep(controller, resume.step);
	if (!where) return null;
	const step = where.runbook.steps[where.index]!;
	const next = `${where.runbook.title} › step ${step.number}: ${step.title}`;
	if (resume.rebooted) {
		const by = resume.rebootedBy ? locateStep(controller, resume.rebootedBy) : undefined;
		const after = by ? ` after ${by.runbook.title} › step ${by.runbook.steps[by.index]!.number}` : '';
		return <Text color="yellow">{`↻ The server rebooted${after} — continuing with ${next}`}</Text>;
	}

	const anyStarted = controller.allProgress().some(p => p.status !== 'pending');
	if (!anyStarted) return <Text>Start with {next} (Enter)</Text>;
	const why = resume.status === 'pending' ? '' : ` (${resume.status} last time)`;
	return (
		<Text>
			<Text color="cyan">▶ Resume:</Text> {next}
			{why} — Enter continues there
		</Text>
	);
}
