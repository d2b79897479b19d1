import {Box, Static, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {failureText} from '../../domain/failure-text.js';
import {stepMarks} from '../../domain/marks.js';
import {splitLines} from '../../domain/output/text-tail.js';
import {withoutScriptPrefix, wrapLines} from '../../domain/output/wrap-lines.js';
import type {Controller} from '../../engine/controller-types.js';
import {locateStep} from '../checklist-model.js';
import {Breadcrumb} from '../components/breadcrumb.js';
import {CheckResultLine} from '../components/check-list.js';
import {KeyFooter} from '../components/key-footer.js';
import {scrollHint} from '../components/screen-frame.js';
import {UndoScreen, UndoRefusal, undoneNote} from '../components/undo-panel.js';
import {ScrollView} from '../components/scroll-view.js';
import {SilenceNote} from '../components/silence-note.js';
import {formatBytes} from '../format-bytes.js';
import {handOverTerminal} from '../hand-over-terminal.js';
import {interruptedExitCode} from '../hang-up.js';
import {useKeys} from '../hooks/use-keys.js';
import {useRun, type FinishedAction} from '../hooks/use-run.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {undoApplies, useUndo} from '../hooks/use-undo.js';

/** Props of the running screen. */
export interface RunningScreenProps {
	controller: Controller;
	stepId: string;
	/** The step ended done: the app opens the next one. */
	onDone: (stepId: string, summary: string) => void;
	onSkip: (stepId: string) => void;
	onBack: () => void;
	/** A step was undone from the failure screen (`u`): the app shows this step again, pending, with `flash` on top. */
	onUndone?: (stepId: string, flash: string) => void;
	/** Quit the TUI with this exit code (130: interrupted, progress saved). */
	onQuit: (code: number) => void;
}

/**
 * A step while it runs: spinner and elapsed time, finished actions above (Static), a live tail sized to the terminal
 * below. The command runs once per `r`, whatever happens to the terminal. Ctrl-C stops the step (the TUI stays); a
 * second Ctrl-C quits with 130 once the step is saved as interrupted. A failure shows its output wrapped (o: all of
 * the last command's output, scrollable) with r/s/m/!/q.
 */
export function RunningScreen({controller, stepId, onDone, onSkip, onBack, onUndone, onQuit}: RunningScreenProps) {
	const {columns, rows} = useTerminalSize();
	const [runId, setRunId] = useState(0);
	const [note, setNote] = useState<string | undefined>();
	const [showOutput, setShowOutput] = useState(false);
	const where = locateStep(controller, stepId)!;
	const step = where.runbook.steps[where.index]!;
	const running = useRun(controller, stepId, runId);
	const {view} = running;
	const ended = view.status !== 'running';
	const ok = view.status === 'done' || view.status === 'awaiting-reboot';
	const undoable = view.status === 'failed' && undoApplies('failed', step);
	const undo = useUndo(
		controller,
		(undone, plan) => onUndone?.(stepId, undoneNote(controller, undone, plan)),
		setNote,
	);
	// Keys of one burst arrive before React renders again: what they decide lives in refs.
	const stopping = useRef(false);
	const quitWhenEnded = useRef(false);
	const endedRef = useRef(ended);
	endedRef.current = ended;
	useEffect(() => {
		if (!ended) return;
		stopping.current = false;
		if (quitWhenEnded.current) onQuit(interruptedExitCode);
		// The machine is going down: leave the terminal tidy; the next start continues after the reboot.
		else if (view.rebooting) onQuit(0);
		else if (ok) onDone(stepId, summary(step.number, view.checks));
	}, [ended, ok, view.rebooting]);
	useKeys((input, key) => {
		const ctrlC = key.ctrl && input === 'c';
		if (!endedRef.current) {
			if (!ctrlC) return;
			if (stopping.current) quitWhenEnded.current = true;
			stopping.current = true;
			running.abort();
			return;
		}

		if (view.rebooting || quitWhenEnded.current) return;
		if (showOutput) {
			if (input === 'o' || input === 'q' || key.escape) setShowOutput(false);
			return;
		}

		if (undo.handleKey(input, key)) return;

		if (input === 'r') {
			setNote(undefined);
			endedRef.current = false;
			setRunId(n => n + 1);
		} else if (input === 'u' && undoable) {
			setNote(undefined);
			undo.start(stepId);
		} else if (input === 's') {
			onSkip(stepId);
		} else if (input === 'm') {
			controller.markDone(stepId);
			onDone(stepId, `${stepMarks.done} Step ${step.number} marked done by you`);
		} else if (input === 'o') {
			setShowOutput(true);
		} else if (input === '!') {
			const {cwd, env} = controller.session(where.runbook.id);
			const code = handOverTerminal('bash', ['-i'], {cwd, env, banner: `A shell in ${cwd}. Type exit to return to tomesh-setup.`});
			setNote(`back from the shell (exit ${code ?? '?'}) — r retries the step`);
		} else if (key.escape) {
			onBack();
		} else if (input === 'q' || ctrlC) {
			onQuit(view.status === 'interrupted' ? interruptedExitCode : view.status === 'failed' ? 1 : 0);
		}
	});
	const failed = ended && !ok;
	const width = Math.max(columns - 4, 10);
	if (showOutput) {
		const output = splitLines(running.lastOutput()).map(line => withoutScriptPrefix(line));
		return (
			<Box flexDirection="column">
				<Breadcrumb runbook={where.runbook} index={where.index} />
				<Text bold>
					{step.number}. {step.title} — output of the last command
				</Text>
				<ScrollView fromEnd rows={output.length === 0 ? ['(no output)'] : wrapLines(output, columns)} height={rows - 5} />
				<KeyFooter keys={[scrollHint, {key: 'o', label: 'back'}]} />
			</Box>
		);
	}

	if (undo.active) {
		return <UndoScreen controller={controller} stepId={stepId} state={undo.state} rows={rows} />;
	}

	// Rows the rest of the screen takes; the output gets what is left (at least 3).
	const footerRows = columns < 70 ? 3 : 2;
	const fixedRows = 2 + (view.current ? 1 : 0) + 2 + 1 + view.checks.length + (note ? 1 : 0) + (undo.state.phase === 'refused' ? 1 : 0) + footerRows + (failed ? 3 : 0);
	const room = Math.max(3, rows - fixedRows - 1);
	const output = failed ? wrapLines(view.tail.map(line => withoutScriptPrefix(line)), width) : view.tail;
	const shown = output.slice(-room);
	const why = failureText(view);
	return (
		<Box flexDirection="column">
			<Static key={runId} items={view.finished}>
				{(f: FinishedAction) => (
					<Text key={f.key} color={f.ok ? undefined : 'red'}>
						{f.ok ? stepMarks.done : stepMarks.failed} {f.text}
					</Text>
				)}
			</Static>
			<Breadcrumb runbook={where.runbook} index={where.index} />
			<Text bold wrap="truncate-end">
				{ended ? null : (
					<Text color="cyan">
						{spinner[view.frame % spinner.length]}{' '}
					</Text>
				)}
				{step.number}. {step.title} <Text dimColor>{(view.elapsedMs / 1000).toFixed(1)} s</Text>
				<SilenceNote seconds={ended ? undefined : view.silentSeconds} />
			</Text>
			{view.current ? <Text dimColor wrap="truncate-end">{view.current}</Text> : null}
			<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
				{shown.length === 0 ? <Text dimColor>(no output yet)</Text> : null}
				{shown.map((line, i) => (
					<Text key={i} wrap="truncate-end">
						{line === '' ? ' ' : line}
					</Text>
				))}
			</Box>
			{view.outputThinned ? (
				<Text dimColor>{`${formatBytes(view.outputBytes)} of output, the last ${shown.length} lines shown (the log keeps its start and end)`}</Text>
			) : view.lines > shown.length ? (
				<Text dimColor>{`${view.lines} lines of output, the last ${failed ? `${shown.length} rows` : shown.length} shown`}</Text>
			) : null}
			{view.checks.map((c, i) => (
				<CheckResultLine key={i} result={c} />
			))}
			{view.rebooting ? <Text color="yellow">Rebooting… progress is saved. Log in again and run: {view.resume ?? 'sudo tomesh-setup'}</Text> : null}
			{failed ? (
				<Box flexDirection="column">
					<Text color={view.status === 'interrupted' ? 'yellow' : 'red'} bold>
						{view.status === 'interrupted' ? `${stepMarks.interrupted} Interrupted` : `${stepMarks.failed} Failed${view.exitCode ? ` (exit code ${view.exitCode})` : ''}`}
						{view.status === 'interrupted' ? '' : view.message ? `: ${view.message}` : view.signal ? `: ${why}` : ''}
					</Text>
					{view.log ? <Text dimColor>{`The whole output is in ${view.log} (o shows the last command's)`}</Text> : null}
				</Box>
			) : null}
			<UndoRefusal controller={controller} state={undo.state} />
			{note ? <Text color="cyan">{note}</Text> : null}
			{ended ? (
				failed ? (
					<KeyFooter
						keys={[
							{key: 'r', label: 'retry'},
							{key: 's', label: 'skip'},
							{key: 'm', label: 'mark done'},
							...(undoable ? [{key: 'u', label: 'undo'}] : []),
							{key: 'o', label: 'output'},
							{key: '!', label: 'shell here'},
							{key: 'Esc', label: 'back'},
							{key: 'q', label: 'quit'},
						]}
					/>
				) : null
			) : (
				<KeyFooter keys={[{key: 'Ctrl-C', label: stopping.current ? 'again: quit' : 'stop this step'}]} />
			)}
		</Box>
	);
}

// ink-spinner's dots, moved by the view's snapshots: a spinner with its own timer would redraw the whole screen
// twelve times a second.
const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function summary(number: number, checks: Array<{status: string}>): string {
	const passed = checks.filter(c => c.status === 'pass').length;
	return `${stepMarks.done} Step ${number} done${checks.length > 0 ? ` — ${passed}/${checks.length} checks passed` : ''}`;
}
