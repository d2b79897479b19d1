/**
 * The model of a setup document: plain, JSON-serialisable data produced by the parser and
 * consumed by the planner, the engine, the reporters and the UI. Nothing here does I/O.
 */

/** Who runs a shell command: `# cmd` (root) or `$ cmd` (the sudo user when there is one). */
export type ShellUser = 'root' | 'user';

/** Where in a document something came from (1-based line numbers). */
export interface SourceRef {
	line: number;
}

/** A change to a file's text, as a pure operation (see domain/edit/file-change.ts). */
export type EditOp =
	/** Set a (nested) YAML key to a scalar written literally (`True`, `1`), keeping comments and other lines. */
	| {op: 'set-yaml'; key: string[]; value: string}
	/** Append one line at the end, once: nothing happens when the line is already in the file. */
	| {op: 'append-line'; line: string}
	/**
	 * Comment out (`#`) every uncommented line matching `match` (a regular expression source tested on the
	 * trimmed line) and insert `insert` after the last of them (or at the end). Idempotent: when `insert`
	 * is already present right after the commented lines, nothing changes.
	 */
	| {op: 'comment-and-insert'; match: string; insert: string[]};

/** One thing a step does. */
export type Action =
	/** A shell command (continuations already joined with their `\`+newline kept). */
	| ({
			kind: 'run';
			as: ShellUser;
			command: string;
			/** A guard: when this command exits 0 the action is already done and is not run (e.g. `test -L LINK` for `ln -s`). */
			unless?: string;
			/** Parameter values the command (and `unless`) refers to as `"${TS_PARAM_NAME}"` instead of containing them. */
			env?: Record<string, string>;
	  } & SourceRef)
	/** A whole file's content (a "Create" block, or "such that the file looks like:"). Relative paths are relative to the session cwd. */
	| ({kind: 'write'; path: string; content: string; mode?: string} & SourceRef)
	/** A targeted change to an existing file. */
	| ({kind: 'edit'; path: string; edit: EditOp} & SourceRef)
	/** Reboot the machine (progress is saved first; the run resumes after boot). */
	| ({kind: 'reboot'} & SourceRef)
	/**
	 * Something the operator does by hand and confirms: prose the tool cannot execute, or a code block that is
	 * not shell (`language` says what it is: sql, yaml, json, text…). `path` names a file the operator edits.
	 */
	| ({kind: 'manual'; text: string; code?: string; language?: string; path?: string} & SourceRef);

/** How a step's outcome is checked on the live system. Checks never change anything. */
export type Check =
	/** Run `command`; pass when it exits 0 and, if `expect` is given, every expected line appears in its output (whitespace-insensitive). */
	| ({kind: 'command'; as: ShellUser; command: string; expect?: string[]; title?: string; env?: Record<string, string>} & SourceRef)
	/** A file exists and (if given) contains every one of `contains` / equals `equals`. */
	| ({kind: 'file'; path: string; contains?: string[]; equals?: string; title?: string} & SourceRef)
	/**
	 * An HTTP(S) URL answers with a status below 500 (or exactly `status`), and the body contains `contains`; tried up to
	 * `retries` more times, with a short backoff, for things that become true eventually (a server still starting).
	 */
	| ({kind: 'http'; url: string; status?: number; contains?: string; retries?: number; title?: string} & SourceRef)
	/** A TCP port accepts connections. */
	| ({kind: 'port'; host: string; port: number; title?: string} & SourceRef)
	/**
	 * A Matrix deployment seen from outside: `.well-known` delegation, federation and key endpoints, the client API,
	 * the certificate and (when `web` is given) the web client's config.json. See engine/checks/matrix.ts.
	 */
	| ({kind: 'matrix'; serverName: string; web?: string; title?: string} & SourceRef);

/** A numbered item of a procedure. */
export interface Step {
	/** Stable id: `${runbook.id}/${number}`. */
	id: string;
	/** 1-based number within the runbook (continues across lists broken by a column-0 block). */
	number: number;
	line: number;
	/** The first sentence/line of the item, plain text, for lists and breadcrumbs. */
	title: string;
	/** The item's markdown source without annotations, for rendering. */
	markdown: string;
	actions: Action[];
	checks: Check[];
	/** Blockquotes and notes: shown, never run. */
	notes: string[];
	/** Working directory this step starts in, when an annotation fixes it (otherwise the session's). */
	cwd?: string;
	/**
	 * How long the checks right after this step may take to pass (`settle` annotation), when longer than one check's
	 * time limit: a service the step started that needs a while on a small server.
	 */
	settleSeconds?: number;
}

/** A procedure (`###`, or `##` when a document has no `###`). */
export interface Runbook {
	/** Stable, unique within a document set: slug of component + title, e.g. `set-up-martix-homeserver.install-synapse-homeserver`. */
	id: string;
	title: string;
	/** The `##` component it belongs to ('' when none). */
	group: string;
	line: number;
	steps: Step[];
}

/** Kinds of parameter value, each with its own validation. */
export type ParameterType = 'domain' | 'email' | 'version' | 'ip' | 'ipv6' | 'path' | 'text' | 'secret';

/** A value the document uses that differs per server (a domain, an e-mail, a placeholder such as VERSION). */
export interface Parameter {
	/** Identifier used by `--set NAME=VALUE` and in the store. */
	name: string;
	/** The exact text in the document that this parameter's value replaces. */
	literal: string;
	type: ParameterType;
	/** Default value: the document's own (the literal) unless it is a placeholder, where it may be absent (must be asked). */
	default?: string;
	/**
	 * A default made of other parameters' values, `{name}` for each (`matrix.{domain}`): it follows them when they
	 * change. Refers only to parameters declared before this one.
	 */
	derive?: string;
	/** A short question for the operator. */
	prompt?: string;
	line: number;
}

/** Where a runbook's next command starts: the working directory and the variables earlier commands exported. */
export interface Session {
	cwd: string;
	/** Only the variables that differ from the tool's own environment (what `export`, `source ./bin/activate` set). */
	env: Record<string, string>;
}

/** A parsed document. */
export interface SetupDocument {
	path: string;
	title: string;
	parameters: Parameter[];
	runbooks: Runbook[];
	/** The systems the document is written for (`targets` annotation), e.g. "Debian 12, Debian 13, Ubuntu 24.04". */
	targets?: string;
	/** The system an older document was written for (`written-for` annotation), e.g. "Debian 8 (2016)". */
	writtenFor?: string;
	/** The document that replaces this one (`superseded-by`), a file name beside it. */
	supersededBy?: string;
}

/** Status of a step: changed only by the step-state reducer. */
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'interrupted' | 'awaiting-reboot';

/** Thrown for bad input (documents, flags, state): reported as one line, exit code 2. */
export class InputError extends Error {
	/** `file:line` or `--flag`, when known. */
	readonly where?: string;
	constructor(message: string, where?: string) {
		super(where ? `${where}: ${message}` : message);
		this.name = 'InputError';
		this.where = where;
	}
}
