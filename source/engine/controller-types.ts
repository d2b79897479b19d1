import type {AptSummary} from '../domain/apt/apt-simulation.js';
import type {CheckResult, RunListener} from '../domain/events.js';
import type {PreflightFinding} from '../domain/preflight/types.js';
import type {Action, Parameter, Runbook, Session, SetupDocument, Step, StepStatus} from '../domain/types.js';
import type {UndoPlan} from '../domain/undo/plan-undo.js';

/** A step together with its saved progress, as the UI and reporters show it. */
export interface StepProgress {
	runbook: Runbook;
	step: Step;
	status: StepStatus;
	/** The step's text changed since it was done. */
	changed: boolean;
	startedAt?: string;
	endedAt?: string;
	exitCode?: number | null;
	/** Last lines of output of the last attempt (secrets masked). */
	outputTail?: string[];
}

/** One action as it would run here and now: parameters filled in, diff computed against the live file. */
export interface PreviewedAction {
	action: Action;
	/** One-line description ("run as root: synctl start", "write /etc/nginx/…"). */
	description: string;
	/** For run actions: the exact command, parameters substituted. */
	command?: string;
	/** For write/edit actions: the unified diff against the file as it is now ('' = no change), secrets masked. */
	diff?: string;
	/** The absolute path a write/edit lands on (resolved against the session's cwd). */
	path?: string;
	/** Why this action cannot be previewed or applied (e.g. the file to edit does not exist yet). */
	problem?: string;
	/** For a command that installs or removes packages: what apt's own simulation says it will do. */
	apt?: AptSummary;
}

/** Options of a check run: where results go, the time limit of each check, and a signal that cancels them all. */
export interface CheckRunOptions {
	onEvent?: RunListener;
	timeoutMs?: number;
	signal?: AbortSignal;
}

/** Where the operator stopped, for the resume line. */
export interface ResumePoint {
	runbook: string;
	step: string;
	status: StepStatus;
	/** The server has rebooted since progress was last saved. */
	rebooted: boolean;
	/** The step whose reboot that was, when known (its procedure is named in "continuing with"). */
	rebootedBy?: string;
}

/** Options of one step run. */
export interface RunStepOptions {
	signal?: AbortSignal;
	onEvent?: RunListener;
	/** Assume yes for apt/debconf and prompts; a command still waiting for input fails instead of hanging. */
	assumeYes?: boolean;
}

/**
 * The engine as the UI and the headless commands see it: one object over the documents, the saved progress and
 * this machine. Implemented in engine/controller.ts. Every method that changes the machine or the progress saves
 * progress before returning.
 */
export interface Controller {
	readonly documents: SetupDocument[];
	/** Runbooks in order (after --only filtering). */
	readonly runbooks: Runbook[];
	readonly parameters: Parameter[];
	/** `text` with every secret value known to the engine masked (for what the UI shows of the documents). */
	mask(text: string): string;
	/** Current parameter values (saved, then --set, then defaults). */
	values(): Record<string, string>;
	/** The values `document`'s steps are filled in with: the given ones (saved, then --set), then its own defaults. */
	documentValues(document: SetupDocument): Record<string, string>;
	/** Validates and saves parameter values; throws InputError naming the parameter. */
	setValues(values: Record<string, string>): void;
	/** Parameters that have no value yet (must be asked). */
	missingValues(): Parameter[];
	/**
	 * The parameters a runbook uses that the operator has not answered yet (neither saved nor given with --set), or
	 * that have no value: asked before its first step.
	 */
	unanswered(runbookId: string): Parameter[];
	/**
	 * The parameters used by the runbooks and steps with these ids, found in the documents as written (the screens see
	 * them with the values filled in, where the documents' own literals are gone).
	 */
	parametersUsedBy(ids: string[]): Parameter[];
	progress(stepId: string): StepProgress;
	/** All steps of all runbooks with their progress. */
	allProgress(): StepProgress[];
	/** The first unfinished step, or undefined when everything is done. */
	resumePoint(): ResumePoint | undefined;
	/** Session (cwd and environment) a runbook's next step starts in. */
	session(runbookId: string): Session;
	preview(stepId: string): Promise<PreviewedAction[]>;
	/** Runs a step's actions then its checks. Resolves to the final status (never rejects for a failed command). */
	runStep(stepId: string, options?: RunStepOptions): Promise<StepStatus>;
	skipStep(stepId: string): void;
	/** Backs `file` up (as a change of step `stepId`, so undo can put it back), then lets the operator `edit` it by hand. */
	editByHand(stepId: string, file: string, edit: () => void): Promise<void>;
	/** Marks an interrupted/failed step done by the operator's word. */
	markDone(stepId: string): void;
	/**
	 * Puts back what a step changed in files (content byte for byte, owner and mode; files it created removed) and makes
	 * it pending again; `dryRun` only plans. Resolves to the plan with its diffs masked, or the one-line refusal (a later
	 * step changed the same file: `first` names it; a backup is missing), in which case nothing changed.
	 */
	undoStep(stepId: string, options?: {dryRun?: boolean}): Promise<UndoPlan>;
	/**
	 * What is already on this server that the documents will meet (ports, sites, certificates, apt lock, memory, disk;
	 * not DNS, which `preflight` adds), judged for the documents; changes nothing, gathered once per controller.
	 */
	preflight(): Promise<PreflightFinding[]>;
	/** Runs the checks of one step (nothing changed). */
	checkStep(stepId: string, options?: CheckRunOptions): Promise<CheckResult[]>;
	/** Runs every check of every runbook concurrently (nothing changed). */
	verifyAll(options?: CheckRunOptions): Promise<CheckResult[]>;
}
