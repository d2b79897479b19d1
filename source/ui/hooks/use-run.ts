import {useEffect, useRef, useState} from 'react';
import type {CheckResult, RunEvent} from '../../domain/events.js';
import type {StepStatus} from '../../domain/types.js';
import type {Controller} from '../../engine/controller-types.js';
import {OutputTail} from '../output-tail.js';

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
	message?: string;
	rebooting: boolean;
	/** The command that continues after the reboot, as the engine gives it. */
	resume?: string;
}

/**
 * New output is drawn at most this often. Ink builds every cell of the screen anew for each frame (about 3 MB of
 * short-lived objects for the running screen on a 100×40 terminal), so frames are most of what a step costs the
 * TUI: with the heap of small-heap.ts, a 1 GB step took 70 s at 20 frames a second and 30 s at 4; a step printing
 * nothing for 20 s peaked at 122 MiB RSS with ink-spinner's 12 frames a second, 97 MiB at 2 (no heap flags).
 */
export const redrawEveryMs = 250;

/** Without new output, the clock and the spinner still move this often. */
export const tickEveryMs = 500;

/**
 * Runs one step through the controller (again whenever `runId` changes) and returns a throttled view of it plus
 * `abort` (Ctrl-C: the engine kills the step, marks it interrupted and saves). Output events only touch a bounded
 * ring buffer; React state changes on a timer, so a step printing a gigabyte costs four renders a second.
 */
export function useRun(controller: Controller, stepId: string, runId: number, tailLines: number): {view: RunView; abort: () => void} {
	const abortRef = useRef<AbortController | undefined>(undefined);
	const [view, setView] = useState<RunView>(() => emptyView());
	useEffect(() => {
		const abort = new AbortController();
		abortRef.current = abort;
		const tail = new OutputTail(Math.max(tailLines, 50));
		const state = emptyView();
		let dirty = true;
		let lastRender = 0;
		let ended = false;
		const snapshot = () => {
			dirty = false;
			lastRender = Date.now();
			state.frame++;
			setView({...state, elapsedMs: Date.now() - state.startedAt, finished: [...state.finished], checks: [...state.checks], tail: tail.last(tailLines), lines: tail.count, outputBytes: tail.bytes, outputThinned: tail.thinned});
		};

		const onEvent = (event: RunEvent) => {
			switch (event.type) {
				case 'output': {
					tail.push(event.text, event.skipped);
					dirty = true;
					return;
				}

				case 'action-start': {
					state.current = event.description;
					break;
				}

				case 'action-end': {
					const what = state.current ?? `action ${event.index + 1}`;
					const code = event.exitCode === undefined || event.exitCode === null ? '' : ` (exit ${event.exitCode})`;
					const outcome = event.ok ? '' : ` — failed${code}${event.message && !/^exit code \d+$/.test(event.message) ? `: ${event.message}` : ''}`;
					state.finished.push({key: `${state.finished.length}`, ok: event.ok, text: `${what} (${(event.durationMs / 1000).toFixed(1)} s)${outcome}`});
					state.current = undefined;
					if (event.exitCode !== undefined) state.exitCode = event.exitCode;
					if (event.message) state.message = event.message;
					break;
				}

				case 'check': {
					state.checks.push(event.result);
					break;
				}

				case 'step-end': {
					if (event.exitCode !== undefined) state.exitCode = event.exitCode;
					if (event.message) state.message = event.message;
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
		controller
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
				clearInterval(timer);
				snapshot();
			});
		return () => {
			clearInterval(timer);
			if (!ended) abort.abort();
		};
	}, [controller, stepId, runId, tailLines]);
	return {view, abort: () => abortRef.current?.abort()};
}

function emptyView(): RunView {
	return {status: 'running', frame: 0, startedAt: Date.now(), elapsedMs: 0, finished: [], tail: [], lines: 0, outputBytes: 0, outputThinned: false, checks: [], rebooting: false};
}
