import {Box, measureElement, Text, type DOMElement} from 'ink';
import {useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {findingsByFile} from '../../domain/lint/findings-by-step.js';
import {documentStanding} from '../../domain/document-standing.js';
import {runbookMarks} from '../../domain/marks.js';
import {startScreenFindings} from '../../domain/preflight/start-screen.js';
import type {PreflightFinding} from '../../domain/preflight/types.js';
import type {Controller, ResumePoint} from '../../engine/controller-types.js';
import {checklistEntries, highlightedIndex, locateStep, type ChecklistEntry} from '../checklist-model.js';
import {KeyFooter} from '../components/key-footer.js';
import {PreflightDetails, PreflightSummary, preflightRows} from '../components/preflight-summary.js';
import {scrollHint} from '../components/screen-frame.js';
import {UndoPanel, UndoRefusal, undoneNote} from '../components/undo-panel.js';
import {useKeys} from '../hooks/use-keys.js';
import {BurstSafeSelect} from '../components/burst-safe-select.js';
import {shownLint} from '../shown-lint.js';
import {useStateRef} from '../hooks/use-state-ref.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {lastUndoable, useUndo} from '../hooks/use-undo.js';

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
	const {columns, rows} = useTerminalSize();
	const resume = controller.resumePoint();
	// Bumped when an undo changes progress behind the list's back.
	const [version, setVersion] = useState(0);
	const entries = useMemo(() => checklistEntries(controller), [controller, version]);
	const byId = useMemo(() => new Map(entries.map(e => [e.runbook.id, e])), [entries]);
	// The lint warnings join the list after its first frame: the operator sees the checklist without waiting for them.
	const [outdated, setOutdated] = useState<Map<string, number>>(() => new Map());
	useEffect(() => {
		setOutdated(findingsByFile(shownLint(controller.documents)));
	}, [controller]);
	const items = entries.map(e => ({key: e.runbook.id, label: e.runbook.id, value: e}));
	// Preflight before anything has run: gathered after the first frame, shown when it arrives.
	const fresh = useMemo(() => controller.allProgress().every(p => p.status === 'pending'), [controller]);
	const [findings, setFindings] = useState<PreflightFinding[] | undefined>();
	const [details, setDetails] = useState(false);
	const [blockedStart, blockedRef, setBlockedStart] = useStateRef<string | undefined>(undefined);

	useEffect(() => {
		if (!fresh) return;
		let live = true;
		controller.preflight().then(
			found => live && setFindings(found),
			() => live && setFindings([]),
		);
		return () => {
			live = false;
		};
	}, [controller, fresh]);
	const blocking = findings !== undefined && startScreenFindings(findings).blocking;
	// `u` undoes the highlighted runbook's last step that changed files; the list follows the highlight.
	const [, highlighted, setHighlighted] = useStateRef(entries[highlightedIndex(entries, resume?.runbook)]?.runbook.id);
	const [undoNote, setUndoNote] = useState<string | undefined>();
	const undo = useUndo(
		controller,
		(undone, plan) => {
			setUndoNote(undoneNote(controller, undone, plan));
			setVersion(n => n + 1);
		},
		setUndoNote,
	);
	const undoTarget = () => lastUndoable(controller.allProgress().filter(item => item.runbook.id === highlighted.current));
	useKeys((input, key) => {
		if (undo.handleKey(input, key)) return;
		if (blockedRef.current) {
			if (input === 'y') onOpenStep(blockedRef.current);
			if (input === 'n' || key.escape) setBlockedStart(undefined);
			return;
		}

		if (details) {
			if (input === 'f' || input === 'q' || key.escape) setDetails(false);
			return;
		}

		if (input === 'f' && fresh && findings) setDetails(true);
		else if (input === 'p' && onParams && controller.parameters.length > 0) onParams();
		else if (input === 'u') {
			const target = undoTarget();
			if (target) {
				setUndoNote(undefined);
				undo.start(target);
			}
		} else if (input === 'q') onQuit();
		else if (input === 'v') onVerify();
	});
	const headerRef = useRef<DOMElement>(null);
	const footerRef = useRef<DOMElement>(null);
	const preflightRef = useRef<DOMElement>(null);
	const [others, setOthers] = useState<number | undefined>();
	useLayoutEffect(() => {
		if (!headerRef.current || !footerRef.current) return;
		const preflight = preflightRef.current ? measureElement(preflightRef.current).height : 0;
		const measured = measureElement(headerRef.current).height + measureElement(footerRef.current).height - preflight;
		if (measured !== others) setOthers(measured);
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

	if (undo.active) {
		return <UndoPanel controller={controller} state={undo.state} rows={rows - 1} />;
	}

	if (details && findings) {
		return (
			<Box flexDirection="column">
				<Text bold>Preflight: what is already on this server</Text>
				<PreflightDetails findings={findings} width={columns - 1} height={rows - 4} />
				<KeyFooter keys={[scrollHint, {key: 'f', label: 'back'}]} />
			</Box>
		);
	}

	// The frame stays a row shorter than the terminal (one that fills it makes Ink clear the scrollback at every redraw,
	// and what is printed after the walkthrough would follow its last line). The lines above and below the list other
	// than preflight's are measured after each layout (a cautious guess until then); preflight gets what the list's
	// first runbook (two rows: its group heading and itself) and its top margin leave, its headline at least; the list
	// shows as many runbooks as fit at two rows each.
	const fixed = others ?? 10;
	const preflightBudget = fresh ? Math.min(Math.max(2, rows - 8 - 6 - 1), Math.max(1, rows - 1 - fixed - 1 - 2)) : 0;
	const preflightUsed = fresh ? preflightRows(findings, preflightBudget) : 0;
	const limit = Math.max(1, Math.floor((rows - 1 - fixed - preflightUsed - 1) / 2));
	return (
		<Box flexDirection="column">
			<Box ref={headerRef} flexDirection="column">
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
				{fresh ? (
					<Box ref={preflightRef} flexDirection="column">
						<PreflightSummary findings={findings} budget={preflightBudget} />
					</Box>
				) : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<BurstSafeSelect
					items={items}
					isFocused={blockedStart === undefined}
					// The footer offers u only for a runbook that has something to undo: it follows the highlight.
					onHighlight={item => setHighlighted(item.value.runbook.id)}
					initialIndex={highlightedIndex(entries, resume?.runbook)}
					itemComponent={Item}
					limit={limit}
					onSelect={item => {
						const entry = item.value;
						const stepId = entry.runbook.id === resume?.runbook ? resume.step : entry.nextStep ?? entry.runbook.steps[0]?.id;
						// Only a finding that says the documents cannot work here stands in the way, and only until confirmed.
						if (stepId && blocking && fresh) setBlockedStart(stepId);
						else if (stepId) onOpenStep(stepId);
					}}
				/>
			</Box>
			<Box ref={footerRef} flexDirection="column">
				<UndoRefusal controller={controller} state={undo.state} />
				{undoNote ? <Text color="cyan">{undoNote}</Text> : null}
				{blockedStart ? (
					<Text color="red" bold>
						Preflight says the documents cannot work on this server (✖ above). Start anyway? (y/n)
					</Text>
				) : (
					<KeyFooter
						keys={[
							{key: '↑↓', label: 'choose'},
							{key: 'Enter', label: resume ? 'continue' : 'open'},
							...(fresh && findings && findings.length > 0 ? [{key: 'f', label: 'preflight findings'}] : []),
							...(undoTarget() ? [{key: 'u', label: 'undo last step'}] : []),
							{key: 'v', label: 'verify all'},
							...(onParams && controller.parameters.length > 0 ? [{key: 'p', label: 'settings'}] : []),
							{key: 'q', label: 'quit'},
						]}
					/>
				)}
			</Box>
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
