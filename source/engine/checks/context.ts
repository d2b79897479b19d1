import type {Check, ShellUser} from '../../domain/types.js';
import type {FileAction} from '../../domain/edit/file-change.js';
import type {LocateStep} from './locate-step.js';

/** What a process runner returns for one command: its exit code (null when killed) and its combined output. */
export interface ExecResult {
	exitCode: number | null;
	output: string;
	/** The command was killed because it ran longer than its timeout. */
	timedOut?: boolean;
}

/** Options of one command run by a check. */
export interface ExecOptions {
	cwd: string;
	env: Record<string, string>;
	timeoutMs: number;
	signal?: AbortSignal;
	as: ShellUser;
}

/** Runs one shell command (bash) and resolves when it ends; never rejects for a non-zero exit. */
export type CheckExec = (command: string, options: ExecOptions) => Promise<ExecResult>;

/** A check that a step's write/edit action is in place: re-applying it would change nothing. */
export interface FileActionCheck {
	kind: 'file-action';
	action: FileAction;
	/** The absolute path the planner gave the change (absent: resolved from the check's directory). */
	target?: string;
	title: string;
	line: number;
	/**
	 * For a write: the file changes that come after it in the runbook (this step's, then later steps'), each at the
	 * path the planner gave it. A written file that later steps edit is in place when it equals the written content
	 * followed by some of those changes.
	 */
	later?: LaterFileChange[];
}

/** A file change that comes after a write, and the path it lands on (undefined: from the check's directory). */
export interface LaterFileChange {
	action: FileAction;
	target?: string;
}

/** Anything `runChecks` can run. */
export type AnyCheck = Check | FileActionCheck;

/** Where and how one check runs. */
export interface CheckContext {
	/** The session's working directory: relative paths and commands start here. */
	cwd: string;
	/** The session's home: `~` in paths. */
	home: string;
	/** The session's environment (added to the process environment for commands). */
	env: Record<string, string>;
	timeoutMs: number;
	/** Aborted when the check's timeout expires or the caller gives up. */
	signal: AbortSignal;
	exec: CheckExec;
	/** Finds the step of the documents that does a thing, for hints that name the step that fixes a failure. */
	locate?: LocateStep;
}

/** The verdict of one check, with the reason in `detail` and, when obvious, what to do in `hint`. */
export interface CheckOutcome {
	status: 'pass' | 'fail' | 'skip';
	detail: string;
	hint?: string;
}

/** "10 s", "1.5 s", "250 ms": how long a timeout was, for details. */
export function formatDuration(ms: number): string {
	if (ms < 1000) return `${ms} ms`;
	const seconds = ms / 1000;
	return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

// A detail is one line on a screen: a kilobyte of compact JSON is cut, its start kept.
const longestShownLine = 160;

/** The last `count` non-empty lines of some output, each cut to a readable length, joined with ' | ' for a one-line detail. */
export function lastLines(output: string, count = 3): string {
	const lines = output.split('\n').map(line => line.trimEnd()).filter(line => line.trim() !== '');
	return lines
		.slice(-count)
		.map(line => (line.length > longestShownLine ? `${line.slice(0, longestShownLine)}… (${line.length - longestShownLine} more characters)` : line))
		.join(' | ');
}
