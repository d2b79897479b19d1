import type {CheckResult, RunEvent} from '../events.js';
import {TextTail} from '../output/text-tail.js';
import type {StepStatus} from '../types.js';

/** How many lines of each command's output the record keeps (the last ones). */
export const recordOutputLines = 40;

/** One action of a step as it was carried out. */
export interface RecordedAction {
	description: string;
	/** The command as it ran (values filled in, secrets masked). */
	command?: string;
	/** Done by hand: the operator said so by running the step. */
	manual: boolean;
	/** The end of its output (`thinned` when the engine left some out: a flood). */
	output: TextTail;
	diff?: string;
	ok?: boolean;
	exitCode?: number | null;
	durationMs?: number;
	message?: string;
}

/** What the record holds, in the order it happened: a step carried out, or the operator's word about one. */
export type RecordItem =
	| {
			type: 'step';
			runbook: string;
			step: string;
			number: number;
			title: string;
			at: string;
			/** Who ran the step (and so confirmed what it asks to do by hand). */
			by: string;
			actions: RecordedAction[];
			checks: CheckResult[];
			status?: StepStatus;
			durationMs?: number;
			message?: string;
	  }
	| {type: 'skipped' | 'marked-done' | 'undone'; step: string; number?: number; title: string; by: string; at: string; detail?: string};

/**
 * The as-run record of one run being written: run events and the operator's decisions folded into items, each
 * command's output bounded (`recordOutputLines` lines are shown, at most 16 KiB kept). Pure; the engine feeds it.
 */
export class RunRecord {
	readonly items: RecordItem[] = [];

	/** Adds what a run event says; `by` is who ran the step. */
	add(event: RunEvent, by: string, at = new Date().toISOString()): void {
		const step = this.items.findLast((item): item is Extract<RecordItem, {type: 'step'}> => item.type === 'step');
		switch (event.type) {
			case 'step-start': {
				this.items.push({type: 'step', runbook: event.runbook, step: event.step, number: event.number, title: event.title, at, by, actions: [], checks: []});
				return;
			}

			case 'action-start': {
				const command = event.action.kind === 'run' ? event.action.command : undefined;
				step?.actions.push({description: event.description, command, manual: event.action.kind === 'manual', output: new TextTail(16 * 1024)});
				return;
			}

			case 'output': {
				const action = step?.actions.at(-1);
				if (!action) return;
				action.output.push(event.text, event.skipped);
				return;
			}

			case 'action-end': {
				const action = step?.actions.at(-1);
				if (action) Object.assign(action, {ok: event.ok, diff: event.diff, exitCode: event.exitCode, durationMs: event.durationMs, message: event.message});
				return;
			}

			case 'check': {
				step?.checks.push(event.result);
				return;
			}

			case 'step-end': {
				if (step) Object.assign(step, {status: event.status, durationMs: event.durationMs, message: event.message});
				return;
			}

			case 'reboot': {
				if (step) step.message = 'rebooting the server; the run continues after it';
			}
		}
	}

	/** Adds a decision of the operator about a step (skipped it, marked it done, undid it). */
	note(item: Extract<RecordItem, {type: 'skipped' | 'marked-done' | 'undone'}>): void {
		this.items.push(item);
	}
}
