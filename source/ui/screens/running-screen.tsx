import {Box, Static, Text, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Controller} from '../../engine/controller-types.js';
import {locateStep} from '../checklist-model.js';
import {Breadcrumb} from '../components/breadcrumb.js';
import {CheckResultLine} from '../components/check-list.js';
import {KeyFooter} from '../components/key-footer.js';
import {formatBytes} from '../format-bytes.js';
import {handOverTerminal} from '../hand-over-terminal.js';
import {useKeys} from '../hooks/use-keys.js';
import {useRun, type FinishedAction} from '../hooks/use-run.js';

/** Props of the running screen. */
export interface RunningScreenProps {
	controller: Controller;
	stepId: string;
	/** The step ended done: the app opens the next one. */
	onDone: (stepId: string, summary: string) => void;
	onSkip: (stepId: string) => void;
	onBack: () => void;
	/** Quit the TUI with this exit code. */
	onQuit: (code: number) => void;
}

/**
 * A step while it runs: spinner and elapsed time, finished actions above (Static), a bounded live tail below.
 * Ctrl-C aborts the step (the TUI stays). Failure or interruption shows the exit code and last lines with r/s/!/q.
 */
export function RunningScreen({controller, stepId, onDone, onSkip, onBack, onQuit}: RunningScreenProps) {
	const {stdout} = useStdout();
	const rows = stdout.rows > 0 ? stdout.rows : 24;
	const [runId, setRunId] = useState(0);
	const [note, setNote] = useState<string | undefined>();
	const where = locateStep(controller, stepId)!;
	const step = where.runbook.steps[where.index]!;
	const running = useRun(controller, stepId, runId, Math.max(3, Math.min(12, rows - 12)));
	const {view} = running;
	const ended = view.status !== 'running';
	const ok = view.status === 'done' || view.status === 'awaiting-reboot';
	useEffect(() => {
		if (!ended) return;
		// The machine is going down: leave the terminal tidy; the next start continues after the reboot.
		if (view.rebooting) onQuit(0);
		else if (ok) onDone(stepId, summary(step.number, view.checks));
	}, [ended, ok, view.rebooting]);
	useKeys((input, key) => {
		if (!ended) {
			if (key.ctrl && input === 'c') running.abort();
			return;
		}

		if (view.rebooting) return;
		if (input === 'r') {
			setNote(undefined);
			setRunId(n => n + 1);
		} else if (input === 's') {
			onSkip(stepId);
		} else if (input === 'm' && view.status === 'interrupted') {
			controller.markDone(stepId);
			onDone(stepId, `✔ Step ${step.number} marked done by you`);
		} else if (input === '!') {
			const {cwd, env} = controller.session(where.runbook.id);
			const code = handOverTerminal('bash', ['-i'], {cwd, env, banner: `A shell in ${cwd}. Type exit to return to tomesh-setup.`});
			setNote(`back from the shell (exit ${code ?? '?'}) — r retries the step`);
		} else if (key.escape) {
			onBack();
		} else if (input === 'q' || (key.ctrl && input === 'c')) {
			onQuit(view.status === 'failed' ? 1 : 0);
		}
	});
	const failed = ended && !ok;
	return (
		<Box flexDirection="column">
			<Static key={runId} items={view.finished}>
				{(f: FinishedAction) => (
					<Text key={f.key} color={f.ok ? undefined : 'red'}>
						{f.ok ? '✔' : '✖'} {f.text}
					</Text>
				)}
			</Static>
			<Breadcrumb runbook={where.runbook} index={where.index} />
			<Text bold>
				{ended ? null : (
					<Text color="cyan">
						{spinner[view.frame % spinner.length]}{' '}
					</Text>
				)}
				{step.number}. {step.title} <Text dimColor>{(view.elapsedMs / 1000).toFixed(1)} s</Text>
			</Text>
			{view.current ? <Text dimColor>{view.current}</Text> : null}
			<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
				{view.tail.length === 0 ? <Text dimColor>(no output yet)</Text> : null}
				{view.tail.map((line, i) => (
					<Text key={i} wrap="truncate-end">
						{line === '' ? ' ' : line}
					</Text>
				))}
			</Box>
			{view.outputThinned ? (
				<Text dimColor>{`${formatBytes(view.outputBytes)} of output, the last ${view.tail.length} lines shown (the log keeps its start and end)`}</Text>
			) : view.lines > view.tail.length ? (
				<Text dimColor>{`${view.lines} lines of output, the last ${view.tail.length} shown`}</Text>
			) : null}
			{view.checks.map((c, i) => <CheckResultLine key={i} result={c} />)}
			{view.rebooting ? <Text color="yellow">Rebooting… progress is saved. Log in again and run: {view.resume ?? 'sudo npx tomesh-setup'}</Text> : null}
			{failed ? <Failure status={view.status} exitCode={view.exitCode} message={view.message} /> : null}
			{note ? <Text color="cyan">{note}</Text> : null}
			{ended ? (
				failed ? (
					<KeyFooter
						keys={[
							{key: 'r', label: 'retry'},
							{key: 's', label: 'skip'},
							...(view.status === 'interrupted' ? [{key: 'm', label: 'mark done'}] : []),
							{key: '!', label: 'shell here'},
							{key: 'Esc', label: 'back'},
							{key: 'q', label: 'quit'},
						]}
					/>
				) : null
			) : (
				<KeyFooter keys={[{key: 'Ctrl-C', label: 'stop this step'}]} />
			)}
		</Box>
	);
}

// ink-spinner's dots, moved by the view's snapshots: a spinner with its own timer would redraw the whole screen
// twelve times a second.
const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function Failure({status, exitCode, message}: {status: string; exitCode?: number | null; message?: string}) {
	const code = exitCode === undefined || exitCode === null ? '' : ` (exit code ${exitCode})`;
	return (
		<Text color={status === 'interrupted' ? 'yellow' : 'red'} bold>
			{status === 'interrupted' ? '! Interrupted' : `✖ Failed${code}`}
			{message && !/^exit code \d+$/.test(message) ? `: ${message}` : ''}
		</Text>
	);
}

function summary(number: number, checks: Array<{status: string}>): string {
	const passed = checks.filter(c => c.status === 'pass').length;
	return `✔ Step ${number} done${checks.length > 0 ? ` — ${passed}/${checks.length} checks passed` : ''}`;
}
