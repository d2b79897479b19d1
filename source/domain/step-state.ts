import type {StepStatus} from './types.js';

/** What is saved about one step. */
export interface StepRecord {
	status: StepStatus;
	startedAt?: string;
	endedAt?: string;
	exitCode?: number | null;
	/** Last lines of output of the last attempt (secrets masked, at most `outputTailLines`). */
	outputTail?: string[];
	/** Fingerprint of the step's text when it was last started, skipped or marked done. */
	fingerprint?: string;
	/** Why it failed or what it waits for. */
	message?: string;
}

/** How many output lines a record keeps. */
export const outputTailLines = 40;

/** The only ways a step's status changes. */
export type StepTransition =
	| {type: 'start'; at: string; fingerprint: string}
	| {type: 'finish'; at: string; ok: boolean; exitCode?: number | null; outputTail?: string[]; message?: string}
	/** The process was killed or aborted while the step ran. */
	| {type: 'interrupt'; at?: string; outputTail?: string[]}
	| {type: 'await-reboot'; at: string}
	| {type: 'reboot-complete'; at: string}
	| {type: 'skip'; at: string; fingerprint: string}
	| {type: 'mark-done'; at: string; fingerprint: string}
	/** What the step changed in files was put back (`undo STEP`): it is to be done again. */
	| {type: 'undo'; at: string};

/** A step nobody touched yet. */
export const pendingRecord: StepRecord = {status: 'pending'};

/** Statuses that count as finished: the run moves past them. */
export function isFinished(status: StepStatus): boolean {
	return status === 'done' || status === 'skipped';
}

/** The step-state reducer: the next record after `transition`. Pure; the one place a status changes. */
export function reduceStep(record: StepRecord = pendingRecord, transition: StepTransition): StepRecord {
	switch (transition.type) {
		case 'start': {
			return {status: 'running', startedAt: transition.at, fingerprint: transition.fingerprint};
		}

		case 'finish': {
			return {
				...record,
				status: transition.ok ? 'done' : 'failed',
				endedAt: transition.at,
				exitCode: transition.exitCode,
				outputTail: tail(transition.outputTail ?? record.outputTail),
				message: transition.ok ? undefined : transition.message,
			};
		}

		case 'interrupt': {
			if (record.status !== 'running') return record;
			return {
				...record,
				status: 'interrupted',
				endedAt: transition.at ?? record.endedAt,
				outputTail: tail(transition.outputTail ?? record.outputTail),
				message: 'interrupted while running: run it again (its file changes are idempotent) or mark it done',
			};
		}

		case 'await-reboot': {
			return {...record, status: 'awaiting-reboot', message: 'waiting for the reboot to finish'};
		}

		case 'reboot-complete': {
			if (record.status !== 'awaiting-reboot') return record;
			return {...record, status: 'done', endedAt: transition.at, message: undefined};
		}

		case 'skip': {
			return {status: 'skipped', endedAt: transition.at, fingerprint: transition.fingerprint};
		}

		case 'mark-done': {
			return {...record, status: 'done', endedAt: transition.at, fingerprint: transition.fingerprint, message: 'marked done by the operator'};
		}

		case 'undo': {
			return {status: 'pending', endedAt: transition.at, message: 'undone: its file changes were put back'};
		}

	}
}

function tail(lines: string[] | undefined): string[] | undefined {
	return lines && lines.length > outputTailLines ? lines.slice(-outputTailLines) : lines;
}
