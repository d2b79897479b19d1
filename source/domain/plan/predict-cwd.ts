import path from 'node:path';
import type {Runbook, Step} from '../types.js';

// `cd` at the start of a command, its one argument as the shell would see it (quoted pieces such as
// `'/srv/base'/app` included, which is how parameter values arrive), then the end of the command, `&&` or `;`.
const leadingCd = /^cd(?:\s+((?:[^\s;&|'"]|'[^']*'|"[^"$`\\]*")+))?\s*(?:$|&&|;)/;

/** Expands `~` and resolves `dir` against `cwd` (POSIX paths). */
function resolveDir(dir: string, cwd: string, home: string): string {
	return path.posix.resolve(cwd, dir.replace(/^~(?=\/|$)/, home));
}

// One shell word without expansions: quotes removed, `$HOME` read as `~`; undefined when it needs the shell
// ($VAR, globs, escapes).
function unquote(word: string): string | undefined {
	let text = '';
	for (const [piece] of word.replace(/^\$HOME(?=\/|$)/, '~').matchAll(/'[^']*'|"[^"]*"|[^'"]+/g)) {
		if (piece.startsWith("'") || piece.startsWith('"')) text += piece.slice(1, -1);
		else if (/[$`\\*?[]/.test(piece)) return undefined;
		else text += piece;
	}

	return text;
}

/** Where a leading `cd` sends the shell: undefined when the command starts with no `cd`, null when it cannot be followed (`cd $DIR`, `cd -`). */
function cdTarget(command: string): string | null | undefined {
	const match = leadingCd.exec(command.trim());
	if (!match) return undefined;
	const target = match[1] === undefined ? '~' : unquote(match[1]);
	return target === undefined || target === '-' ? null : target;
}

/** The working directory after `command` runs in `cwd` (changed only by a leading `cd` that can be followed). */
export function cwdAfter(command: string, cwd: string, home: string): string {
	const target = cdTarget(command);
	return typeof target === 'string' ? resolveDir(target, cwd, home) : cwd;
}

/**
 * Predicts the working directory step `stepIndex` (0-based) of a runbook starts in, following the `cd` commands of
 * the earlier steps' run actions and their `cwd` annotations, from `start`. Used by plan to resolve relative paths
 * (`homeserver.yaml` after `cd ~/.synapse`); the engine uses the session's real cwd instead.
 */
export function predictCwd(runbook: Runbook, stepIndex: number, start: {cwd: string; home: string}): string {
	let cwd = start.cwd;
	for (const step of runbook.steps.slice(0, stepIndex + 1)) {
		if (step.cwd) cwd = resolveDir(step.cwd, cwd, start.home);
		if (step === runbook.steps[stepIndex]) break;
		for (const action of step.actions) {
			if (action.kind === 'run') cwd = cwdAfter(action.command, cwd, start.home);
		}
	}

	return cwd;
}

/**
 * Where the shell is after the last of `steps` (resolved: parameter values filled in and shell-quoted), starting from
 * `start`: follows each step's cwd annotation and the leading `cd` of its run commands. Undefined when a `cd` cannot
 * be followed — then only the live session can tell (checks use this to find files before anything ran).
 */
export function predictEndCwd(steps: Step[], start: string, home: string): string | undefined {
	let cwd = start;
	for (const step of steps) {
		if (step.cwd) cwd = resolveDir(step.cwd, cwd, home);
		for (const action of step.actions) {
			if (action.kind !== 'run') continue;
			const target = cdTarget(action.command);
			if (target === null) return undefined;
			if (target !== undefined) cwd = resolveDir(target, cwd, home);
		}
	}

	return cwd;
}
