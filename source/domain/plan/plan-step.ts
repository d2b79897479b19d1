import {FileChangeError, newText, type FileAction} from '../edit/file-change.js';
import {unifiedDiff} from '../edit/unified-diff.js';
import type {Action, Step} from '../types.js';
import {describeAction} from './describe-action.js';
import {followCd, resolveIn, type ShellPlace, type Whereabouts} from './follow-cd.js';

/**
 * The text of a file as the planner sees it: undefined when there is no such file. May throw FileChangeError when
 * the file exists but cannot be read (then that action shows the problem instead of a diff).
 */
export type ReadText = (file: string) => string | undefined;

/** One action as it would run: parameters already filled in, where it runs, and for a file change what it does. */
export type PlannedAction = Action & {
	/** One line for lists, events and logs ("run as root: …", "write /etc/…"). */
	description: string;
	/** The directory the action runs in (undefined: known only once an earlier `cd` has run). */
	cwd?: string;
	/** Write/edit (and a file edited by hand): the absolute path (undefined while the directory is unknown). */
	target?: string;
	/** Write/edit: the file's text before and after (before undefined = the file does not exist yet). */
	before?: string;
	after?: string;
	/** Write/edit: the unified diff, secrets masked ('' = already as wanted). */
	diff?: string;
	/** Why this change cannot be previewed (the file to edit is missing, the directory is unknown…). */
	problem?: string;
};

/** What a step would do from a given place, and where it leaves the shell. */
export interface StepPlan {
	/** Where the step starts (after its cwd annotation). */
	start: Whereabouts;
	actions: PlannedAction[];
	end: Whereabouts;
}

/** Where a step starts: the session's directory (or a prediction of it), the session's home and variables. */
export interface PlanPlace extends ShellPlace {
	where: Whereabouts;
}

/** Text of the file `action` changes and of the file after it; throws FileChangeError when it cannot be made. */
export function planFileChange(action: FileAction, target: string, read: ReadText): {before?: string; after: string; diff: string} {
	const before = read(target);
	const after = newText(before, {...action, path: target});
	return {before, after, diff: before === after ? '' : unifiedDiff(target, before, after)};
}

/**
 * The one planner: what each action of a (resolved) step does from `place` — used by `plan`, the walkthrough's
 * preview, execution and checks, so that the diff shown is the change applied. Relative paths follow the `cd`s of
 * the step's own commands; `~` is the session's home. Several changes of one file chain (the second diff starts
 * from the first one's result); `read` gives the text of files as they are (or as earlier planned steps left them).
 */
export function planStep(step: Step, place: PlanPlace, read: ReadText): StepPlan {
	const pending = new Map<string, string>();
	const readThrough: ReadText = file => (pending.has(file) ? pending.get(file) : read(file));
	const start = step.cwd ? annotated(step.cwd, place) : place.where;
	let where = start;
	const actions = step.actions.map((action): PlannedAction => {
		const planned: PlannedAction = {...action, description: describeAction(action), ...(where.cwd === undefined ? {} : {cwd: where.cwd})};
		if (action.kind === 'run') where = followCd(action.command, where, place);
		if (action.kind === 'manual' && action.path !== undefined) {
			const file = targetOf(action.path, where.cwd, place.home);
			return file === undefined ? planned : {...planned, target: file};
		}

		if (action.kind !== 'write' && action.kind !== 'edit') return planned;
		const target = targetOf(action.path, where.cwd, place.home);
		if (target === undefined) return {...planned, problem: `where ${action.path} lands is known only once the step's earlier \`cd\` has run`};
		try {
			const change = planFileChange(action, target, readThrough);
			pending.set(target, change.after);
			return {...planned, target, ...change};
		} catch (error) {
			if (!(error instanceof FileChangeError)) throw error;
			return {...planned, target, problem: error.message};
		}
	});
	return {start, actions, end: where};
}

/** The absolute path of a document path from `cwd` (undefined when the path is relative and `cwd` unknown). */
export function targetOf(file: string, cwd: string | undefined, home: string): string | undefined {
	if (file.startsWith('/') || file === '~' || file.startsWith('~/')) return resolveIn(file, '/', home);
	return cwd === undefined ? undefined : resolveIn(file, cwd, home);
}

function annotated(cwd: string, place: PlanPlace): Whereabouts {
	const absolute = cwd.startsWith('/') || cwd.startsWith('~');
	if (!absolute && place.where.cwd === undefined) return place.where;
	return {cwd: resolveIn(cwd, place.where.cwd ?? '/', place.home), fixed: absolute || place.where.fixed};
}
