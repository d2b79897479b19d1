import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {aptRemovals} from '../../domain/apt/apt-simulation.js';
import type {CheckResult} from '../../domain/events.js';
import {findingsByStep} from '../../domain/lint/findings-by-step.js';
import type {Controller, PreviewedAction} from '../../engine/controller-types.js';
import {locateStep} from '../checklist-model.js';
import {ActionPreview} from '../components/action-preview.js';
import {Breadcrumb} from '../components/breadcrumb.js';
import {CheckList} from '../components/check-list.js';
import {DiffView} from '../components/diff-view.js';
import {KeyFooter, type KeyHint} from '../components/key-footer.js';
import {ScreenFrame, scrollHint} from '../components/screen-frame.js';
import {UndoScreen, UndoRefusal, undoneNote} from '../components/undo-panel.js';
import {editByHand} from '../edit-by-hand.js';
import {handOverTerminal} from '../hand-over-terminal.js';
import {useKeys} from '../hooks/use-keys.js';
import {shownLint} from '../shown-lint.js';
import {useMarkdown} from '../hooks/use-markdown.js';
import {useStateRef} from '../hooks/use-state-ref.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {undoApplies, useUndo} from '../hooks/use-undo.js';

/** Props of the step screen. */
export interface StepScreenProps {
	controller: Controller;
	stepId: string;
	/** A line on top, e.g. "✔ step 2 done, 3 checks passed". */
	flash?: string;
	onRun: (stepId: string) => void;
	onSkip: (stepId: string) => void;
	onBack: () => void;
	onQuit: () => void;
}

/**
 * One step, explained and previewed before anything runs: instructions, commands, diffs, checks, keys. Never taller
 * than the terminal: where the operator is, the step and the files it changes stay on top, the keys at the bottom,
 * and the rest scrolls (ScreenFrame).
 */
export function StepScreen({controller, stepId, flash, onRun, onSkip, onBack, onQuit}: StepScreenProps) {
	const {columns, rows} = useTerminalSize();
	// One column spare: a row that fills the last column makes some terminals wrap it.
	const width = Math.max(columns - 1, 20);
	const where = locateStep(controller, stepId)!;
	const step = where.runbook.steps[where.index]!;
	const progress = controller.progress(stepId);
	const [previews, setPreviews] = useState<PreviewedAction[] | undefined>();
	const [previewError, setPreviewError] = useState<string | undefined>();
	const [checks, setChecks] = useState<CheckResult[] | undefined>();
	const [checking, setChecking] = useState(false);
	// The second confirmation Enter asks for: a reboot, or packages apt would remove.
	// Enter then y in one burst: the y must see the question the Enter asked.
	const [confirming, asking, setConfirming] = useStateRef<'reboot' | 'removals' | undefined>(undefined);
	const [note, setNote] = useState<{text: string; diff?: string} | undefined>();
	const [, setRedraw] = useState(0);
	const undo = useUndo(
		controller,
		(undone, plan) => {
			const more = undone === stepId ? 'this step is pending again' : `it is pending again; u undoes step ${step.number} now`;
			setNote({text: undoneNote(controller, undone, plan, more)});
		},
		text => setNote({text}),
	);
	const undoable = undoApplies(progress.status, step);
	const outdated = useMemo(() => findingsByStep(shownLint(controller.documents)).get(stepId) ?? [], [controller, stepId]);
	useEffect(() => {
		let live = true;
		controller.preview(stepId).then(
			p => live && setPreviews(p),
			(error: unknown) => live && setPreviewError(error instanceof Error ? error.message : String(error)),
		);
		return () => {
			live = false;
		};
	}, [controller, stepId]);
	const reboots = step.actions.some(a => a.kind === 'reboot');
	const removals = aptRemovals(previews ?? []);
	// A file shown below as a diff is not shown again as the document's block.
	const written = (previews ?? []).flatMap(p => (p.action.kind === 'write' && p.diff !== undefined ? [p.action.content] : []));
	const markdown = useMarkdown(step.markdown, Math.max(width - 1, 20), step.title, written);
	const flat = (text: string) => text.replaceAll(/[`*_>]/g, '').replaceAll(/\s+/g, ' ').trim();
	const plainMarkdown = flat(step.markdown);
	const files = [...new Set((previews ?? []).flatMap(p => (p.action.kind === 'write' || p.action.kind === 'edit' ? [p.path ?? p.action.path] : [])))];
	const manualFile = previews?.find(p => p.action.kind === 'manual' && p.action.path);
	const session = () => controller.session(where.runbook.id);
	useKeys((input, key) => {
		if (asking.current) {
			if (input === 'y') {
				if (asking.current === 'removals' && reboots) setConfirming('reboot');
				else onRun(stepId);
			}

			if (input === 'n' || key.escape) setConfirming(undefined);
			return;
		}

		if (undo.handleKey(input, key)) return;

		if (key.return) {
			// Show before doing: nothing runs until the exact commands, diffs and package changes are on screen.
			if (previews === undefined && !previewError) return;
			if (removals.length > 0) setConfirming('removals');
			else if (reboots) setConfirming('reboot');
			else onRun(stepId);
		} else if (input === 'u' && undoable) {
			setNote(undefined);
			undo.start(stepId);
		} else if (input === 's') {
			onSkip(stepId);
		} else if (input === 'v' && !checking) {
			setChecking(true);
			void controller.checkStep(stepId).then(
				results => {
					setChecks(results);
					setChecking(false);
				},
				(error: unknown) => {
					setNote({text: `checks could not run: ${error instanceof Error ? error.message : String(error)}`});
					setChecking(false);
				},
			);
		} else if (input === '!') {
			const {cwd, env} = session();
			const code = handOverTerminal('bash', ['-i'], {cwd, env, banner: `A shell in ${cwd}. Type exit to return to tomesh-setup.`});
			setNote({text: `back from the shell (exit ${code ?? '?'})`});
			setRedraw(n => n + 1);
		} else if (input === 'e' && manualFile) {
			void editByHand(manualFile.path ?? (manualFile.action as {path: string}).path, session(), async (file, edit) => controller.editByHand(stepId, file, edit)).then(result => {
				setNote(result);
				setRedraw(n => n + 1);
			});
		} else if (key.escape) {
			onBack();
		} else if (input === 'q') {
			onQuit();
		}
	});
	const keys: KeyHint[] = [
		{key: 'Enter', label: step.actions.every(a => a.kind === 'manual') ? 'done it' : 'do it'},
		...(undoable ? [{key: 'u', label: 'undo'}] : []),
		{key: 's', label: 'skip'},
		{key: 'v', label: 'checks only'},
		{key: '!', label: 'shell here'},
		...(manualFile ? [{key: 'e', label: 'edit the file'}] : []),
		{key: 'Esc', label: 'back'},
		{key: 'q', label: 'quit'},
	];
	if (undo.active) {
		return <UndoScreen controller={controller} stepId={stepId} state={undo.state} rows={rows} />;
	}

	const header = (
		<>
			{flash ? <Text color="green">{flash}</Text> : null}
			<Breadcrumb runbook={where.runbook} index={where.index} />
			<Text bold>
				{step.number}. {step.title}
				{progress.status === 'pending' ? '' : <Text color={progress.status === 'done' ? 'green' : 'yellow'}>{`  [${progress.status}${progress.changed ? ', changed since' : ''}]`}</Text>}
			</Text>
			{files.map(file => (
				<Text key={file}>
					<Text color="magenta">changes </Text>
					<Text bold>{file}</Text>
				</Text>
			))}
		</>
	);
	const footer = (scrolls: boolean) =>
		confirming === 'removals' ? (
			<Text color="red" bold>
				{`This step REMOVES ${removals.length} package${removals.length === 1 ? '' : 's'}: ${removals.join(' ')}. Remove ${removals.length === 1 ? 'it' : 'them'} and run the step? (y: yes, n: no)`}
			</Text>
		) : confirming === 'reboot' ? (
			<Text color="yellow" bold>
				Reboot the server now? Progress is saved first; your SSH session will drop — log in again and the walkthrough continues. (y/n)
			</Text>
		) : (
			<KeyFooter keys={scrolls ? [...keys, scrollHint] : keys} />
		);
	return (
		<ScreenFrame header={header} footer={footer}>
			{markdown === undefined ? <Text dimColor>…</Text> : markdown === '' ? null : <Box marginTop={1}><Text>{markdown}</Text></Box>}
			{step.notes
				.filter(n => !plainMarkdown.includes(flat(n)))
				.map(n => (
					<Text key={n} dimColor>{`Note: ${n}`}</Text>
				))}
			{outdated.map(f => (
				<Text key={f.rule} color="yellow">{`⚠ Outdated (${f.rule}, line ${f.line}): ${f.what} — instead: ${f.instead}`}</Text>
			))}
			<Box marginTop={1} flexDirection="column">
				<Text bold underline>What will happen</Text>
				{previewError ? <Text color="red">✖ cannot preview: {previewError}</Text> : null}
				{previews === undefined && !previewError ? <Text dimColor>working out the commands and diffs…</Text> : null}
				{previews?.length === 0 ? <Text dimColor>Nothing to run: read and continue.</Text> : null}
				{previews?.map((p, i) => <ActionPreview key={i} preview={p} width={width} />)}
			</Box>
			{step.checks.length > 0 || checks ? <CheckList checks={step.checks} results={checks} running={checking} /> : null}
			<UndoRefusal controller={controller} state={undo.state} />
			{note ? <Text color="cyan">{note.text}</Text> : null}
			{note?.diff === undefined ? null : <DiffView diff={note.diff} width={width} />}
		</ScreenFrame>
	);
}
