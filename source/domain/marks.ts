/**
 * The one table of status marks: every reporter and screen shows a step, a runbook or a check with these, so a mark
 * means the same everywhere. Text, so they read without colour; skipped never looks like done.
 */
import type {PreflightLevel} from './preflight/types.js';
import type {StepStatus} from './types.js';

/** A step's mark by status: ✔ only for done (its checks passed), – for skipped. */
export const stepMarks: Readonly<Record<StepStatus, string>> = {
	pending: '○',
	running: '◐',
	done: '✔',
	skipped: '–',
	failed: '✖',
	interrupted: '!',
	'awaiting-reboot': '↻',
};

/** A check result's mark. */
export const checkMarks: Readonly<Record<'pass' | 'fail' | 'skip', string>> = {pass: '✔', fail: '✖', skip: '–'};

/** How a runbook stands as a whole: done only when every step is done; skipped when the rest is done. */
export type RunbookStanding = 'done' | 'skipped' | 'failed' | 'interrupted' | 'started' | 'pending';

/** A runbook's mark by standing (skipped steps left: not ✔). */
export const runbookMarks: Readonly<Record<RunbookStanding, string>> = {
	done: '✔',
	skipped: '–',
	failed: '✖',
	interrupted: '!',
	started: '◐',
	pending: '○',
};

/** A runbook's standing from its steps' statuses. */
export function runbookStanding(statuses: StepStatus[]): RunbookStanding {
	if (statuses.includes('failed')) return 'failed';
	if (statuses.some(s => s === 'interrupted' || s === 'running' || s === 'awaiting-reboot')) return 'interrupted';
	if (statuses.every(s => s === 'done')) return 'done';
	if (statuses.every(s => s === 'done' || s === 'skipped')) return 'skipped';
	if (statuses.some(s => s === 'done' || s === 'skipped')) return 'started';
	return 'pending';
}

/** A preflight finding's mark by level. */
export const preflightMarks: Readonly<Record<PreflightLevel, string>> = {ok: '✔', warn: '⚠', block: '✖'};
