import path from 'node:path';
import type {Step} from '../domain/types.js';

/**
 * Where the shell is after the last of `steps` (resolved: parameter values filled in and shell-quoted), starting from
 * `start`: follows each step's cwd annotation and the `cd DIR` at the start of its run commands (`cd DIR && …`,
 * quoted pieces such as `'/srv/base'/app` included). Undefined when a `cd` cannot be followed (a variable, `cd -`).
 */
export function predictEndCwd(steps: Step[], start: string, home: string): string | undefined {
	let cwd = start;
	for (const step of steps) {
		if (step.cwd) cwd = resolveDirectory(step.cwd, cwd, home);
		for (const action of step.actions) {
			if (action.kind !== 'run') continue;
			const match = /^cd(?:\s+((?:[^\s;&|'"]|'[^']*'|"[^"$`\\]*")+))?\s*(?:$|&&|;)/.exec(action.command.trim());
			if (!match) continue;
			const target = match[1] === undefined ? '~' : unquote(match[1]);
			if (target === undefined || target === '-') return undefined;
			cwd = resolveDirectory(target, cwd, home);
		}
	}

	return cwd;
}

// One shell word without expansions: quotes removed; undefined when it needs the shell ($VAR, globs, escapes).
function unquote(word: string): string | undefined {
	let text = '';
	for (const [piece] of word.matchAll(/'[^']*'|"[^"]*"|[^'"]+/g)) {
		if (piece.startsWith("'") || piece.startsWith('"')) text += piece.slice(1, -1);
		else if (/[$`\\*?[]/.test(piece.replace(/^~(?=\/|$)/, ''))) return undefined;
		else text += piece;
	}

	return text;
}

function resolveDirectory(directory: string, cwd: string, home: string): string {
	return path.posix.resolve(cwd, directory.replace(/^~(?=\/|$)/, home));
}
