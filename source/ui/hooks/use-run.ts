import {useEffect, useRef, useState} from 'react';
import type {CheckResult, RunEvent} from '../../domain/events.js';
import {failureText} from '../../domain/failure-text.js';
import {TextTail} from '../../domain/output/text-tail.js';
import type {StepStatus} from '../../domain/types.js';
import type {Controller} from '../../engine/controller-types.js';
import {trackRunningStep} from '../running-steps.js';

/** A finished action, as kept above the live tail. */
export interface FinishedAction {
	key: string;
	ok: boolean;
	text: string;
}

/** What the running screen shows; a snapshot taken at most every `redrawEveryMs`. */
export interface RunView {
	/** 'running' until the step ends, then its final status. */
	status: StepStatus;
	/** Snapshots taken so far: the spinner shows one frame per snapshot. */
	frame: number;
	startedAt: number;
	elapsedMs: number;
	current?: string;
	finished: FinishedAction[];
	tail: string[];
	/** Lines of output seen (every line unless `outputThinned`). */
	lines: number;
	/** Bytes of output so far, left-out ones included. */
	outputBytes: number;
	/** A flood was thinned: only its start and its latest lines reached the screen. */
	outputThinned: boolean;
	checks: CheckResult[];
	exitCode?: number | null;
	signal?: string | null;
	/** What the exit code and signal do not say (a failed check, a refused change). */
	message?: string;
	/** The audit log with the step's whole output. */
	log?: string;
	rebooting: boolean;
	/** The command that continues after the reboot, as the engine gives it. */
	resume?: string;
	/** The running command has printed nothing for this many seconds (the engine's silence events). */
	silentSeconds?: number;
}

/**
 * New output is drawn at most this often. Ink builds every cell of the screen anew for each frame (about 3 MB of
 * short-lived objects for the running screen on a 100×40 terminal), so frames are most of what a step costs the
 * TUI: with the heap of small-heap.ts, a 1 GB step took 70 s at 20 frames a second and 30 s at 4; a step printing
 * nothing for 20 s peaked at 122 MiB RSS with ink-spinner's 12 frames a second, 97 MiB at 2 (no heap flags).
 */
const redrawEveryMs = 250;

/** Without new output, the clock and the spinner still move this often. */
const tickEveryMs = 500;

// The output of the step's last command kept for `o` (its start and end are in the audit log when it is longer).
const lastOutputChars = 256 * 1024;

/** Most output lines a view holds: the screen shows as many of them as its height allows. */
const viewTailLines = 200;

/** Longest output line a view holds; longer ones are cut (a line of a gigabyte without newline is never drawn whole). */
export const maxLineLength = 400;

/**
 * Runs one step through the controller (again whenever `runId` changes, and never for any other reason: a resize or a
 * re-render leaves the running command alone) and returns a throttled view of it, `abort` (Ctrl-C: the engine kills
 * the step, marks it interrupted and saves) and `lastOutput` (the output of the last command that ran, for `o`).
 * Output events only touch bounded buffers; React state changes on a timer, so a step printing a gigabyte costs four
 * renders a second.
 */
export function useRun(controller: Controller, stepId: string, runId: number): {view: RunView; abort: () => void; lastOutput: () => string} {
	const abortRef = useRef<AbortController | undefined>(undefined);
	const lastOutputRef = useRef(new TextTail(lastOutputChars));
	const [view, setView] = useState<RunView>(() => emptyView());
	useEffect(() => {
		const abort = new AbortController();
		abortRef.current = abort;
		const lastOutput = new TextTail(lastOutputChars);
		lastOutputRef.current = lastOutput;
		const tail = new TextTail(viewTailLines * 200);
		const state = emptyView();
		let dirty = true;
		let lastRender = 0;
		let ended = false;
		const snapshot = () => {
			dirty = false;
			lastRender = Date.now();
			state.frame++;
			setView({...state, elapsedMs: Date.now() - state.startedAt, finished: [...state.finished], checks: [...state.checks], tail: tail.lines(viewTailLines).map(line => (line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line)), lines: tail.count, outputBytes: tail.bytes, outputThinned: tail.thinned});
		};

		const onEvent = (event: RunEvent) => {
			switch (event.type) {
				case 'output': {
					tail.push(event.text, event.skipped);
					lastOutput.push(event.text, event.skipped);
					state.silentSeconds = undefined;
					dirty = true;
					return;
				}

				case 'silence': {
					state.silentSeconds = event.seconds;
					break;
				}

				case 'action-start': {
					state.current = event.description;
					if (event.action.kind === 'run') lastOutput.clear();
					break;
				}

				case 'action-end': {
					const what = state.current ?? `action ${event.index + 1}`;
					state.finished.push({key: `${state.finished.length}`, ok: event.ok, text: `${what} (${(event.durationMs / 1000).toFixed(1)} s)${outcomeNote(event)}`});
					state.current = undefined;
					state.silentSeconds = undefined;
					if (event.exitCode !== undefined) state.exitCode = event.exitCode;
					break;
				}

				case 'check': {
					state.checks.push(event.result);
					break;
				}

				case 'step-end': {
					state.exitCode = event.exitCode;
					state.signal = event.signal;
					state.message = event.message;
					state.log = event.log;
					break;
				}

				case 'reboot': {
					state.rebooting = true;
					state.resume = event.resume;
					break;
				}

				case 'step-start': {
					break;
				}
			}

			dirty = true;
		};

		const timer = setInterval(() => {
			if (dirty || Date.now() - lastRender >= tickEveryMs) snapshot();
		}, redrawEveryMs);
		const ended$ = controller
			// The operator has seen the exact commands and pressed Enter: apt and debconf run without asking again, and a
			// command still prompting gets "y" answers then end of input instead of hanging a screen it cannot reach.
			.runStep(stepId, {signal: abort.signal, onEvent, assumeYes: true})
			.then(status => {
				state.status = status;
			})
			.catch((error: unknown) => {
				state.status = 'failed';
				state.message = error instanceof Error ? error.message : String(error);
			})
			.finally(() => {
				ended = true;
				forget();
				clearInterval(timer);
				snapshot();
			});
		const forget = trackRunningStep(() => abort.abort(), ended$);
		return () => {
			clearInterval(timer);
			if (!ended) abort.abort();
		};
	}, [controller, stepId, runId]);
	return {view, abort: () => abortRef.current?.abort(), lastOutput: () => lastOutputRef.current.text()};
}

// What an action's line adds after its description: nothing for a command that ran, else how it ended.
function outcomeNote(event: Extract<RunEvent, {type: 'action-end'}>): string {
	switch (event.outcome) {
		case 'unchanged': {
			return ' — no change';
		}

		case 'already-done': {
			return ' — already done';
		}

		case 'stopped': {
			return ' — stopped';
		}

		case 'failed': {
			const why = failureText(event);
			return ` — failed${why ? `: ${why}` : ''}`;
		}

		default: {
			return '';
		}
	}
}

function emptyView(): RunView {
	return {status: 'running', frame: 0, startedAt: Date.now(), elapsedMs: 0, finished: [], tail: [], lines: 0, outputBytes: 0, outputThinned: false, checks: [], rebooting: false};
}
