import type {Action, Check, StepStatus} from './types.js';

/** Result of one check, as reported by verify and after each step. */
export interface CheckResult {
	runbook: string;
	step: string;
	/** What the check looks at (its annotation title, or a description of the check). */
	title: string;
	/** The title of the step the check belongs to, for reports that name the step. */
	stepTitle?: string;
	status: 'pass' | 'fail' | 'skip';
	detail: string;
	/** What to do about a failure, when the tool can tell. */
	hint?: string;
	check?: Check;
}

/**
 * How an action ended: a command ran, a file was changed or was already right, a guard found it already done, the
 * text was shown for the operator to do by hand, it failed, or it was stopped.
 */
export type ActionOutcome = 'ran' | 'changed' | 'unchanged' | 'already-done' | 'shown' | 'failed' | 'stopped';

/**
 * What the engine tells its listeners while it works. The TUI and the reporters consume these and nothing else;
 * the engine never renders.
 */
export type RunEvent =
	| {type: 'step-start'; runbook: string; step: string; number: number; title: string}
	| {type: 'action-start'; step: string; index: number; action: Action; description: string}
	/**
	 * A chunk of a command's output: one or more complete lines, each ending with a newline (raw: secrets not masked,
	 * a `\r` before the newline kept). Chunks, not lines, so that a step printing a gigabyte is not ten million events;
	 * split with splitLines (domain/output/text-tail.ts) only what is shown or kept. A flood is thinned (the start of a
	 * command's output is always whole): `skipped` bytes were left out just before `text`, and what came before them
	 * is not continued by it.
	 */
	| {type: 'output'; step: string; stream: 'stdout' | 'stderr'; text: string; skipped?: number}
	/** The running command has printed nothing for `seconds` (10, 20, 30…): it is still running (domain/output/silence.ts). */
	| {type: 'silence'; step: string; seconds: number}
	| {
			type: 'action-end';
			step: string;
			index: number;
			ok: boolean;
			outcome: ActionOutcome;
			/** For file changes: the unified diff applied ('' when nothing changed). */
			diff?: string;
			exitCode?: number | null;
			signal?: string | null;
			durationMs: number;
			/** Only what the outcome and the exit code do not already say (why it failed, which file is right). */
			message?: string;
	  }
	| {type: 'check'; result: CheckResult}
	| {
			type: 'step-end';
			runbook: string;
			step: string;
			status: StepStatus;
			durationMs: number;
			exitCode?: number | null;
			signal?: string | null;
			/** Only what the status, exit code and signal do not already say (a failed check, a refused change). */
			message?: string;
			/** The audit log holding the step's whole output, when there is one. */
			log?: string;
	  }
	/** The machine is about to reboot; progress has been saved. */
	| {
			type: 'reboot';
			step: string;
			/** The exact command that continues after the reboot (same directory, flags, sudo). */
			resume?: string;
	  };

/** A listener for run events. */
export type RunListener = (event: RunEvent) => void;
