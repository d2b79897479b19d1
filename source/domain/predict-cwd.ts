import path from 'node:path';
import type {Runbook} from './types.js';

/** Expands `~` and resolves `dir` against `cwd` (POSIX paths). */
function resolveDir(dir: string, cwd: string, home: string): string {
	const expanded = dir.replace(/^~(?=\/|$)/, home).replace(/^\$HOME(?=\/|$)/, home);
	return path.posix.resolve(cwd, expanded);
}

/** The directory a `cd` at the start of a command leaves the shell in (`cd DIR`, `cd DIR && …`), if any. */
function cdTarget(command: string): string | undefined {
	const match = /^cd(?:\s+([^\s;&|]+))?\s*(?:$|&&|;)/.exec(command.trim());
	if (!match) return undefined;
	return (match[1] ?? '~').replaceAll(/^["']|["']$/g, '');
}

/** The working directory after `command` runs in `cwd` (changed only by a leading `cd`). */
export function cwdAfter(command: string, cwd: string, home: string): string {
	const target = cdTarget(command);
	return target ? resolveDir(target, cwd, home) : cwd;
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
