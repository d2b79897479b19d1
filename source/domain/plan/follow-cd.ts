import path from 'node:path';

/**
 * Where the shell is: an absolute directory, whether the document fixes it (an absolute or `~` cd, a cwd annotation;
 * not merely "wherever the runbook started"), or undefined when a `cd` cannot be followed before it runs.
 */
export interface Whereabouts {
	cwd: string | undefined;
	fixed: boolean;
}

/** Variables a command can rely on: HOME and the values the engine hands every command (see resolve-step). */
export interface ShellPlace {
	home: string;
	env: Record<string, string>;
}

/** Expands a leading `~` and resolves `file` against `cwd` (POSIX paths). */
export function resolveIn(file: string, cwd: string, home: string): string {
	return path.posix.resolve(cwd, file.replace(/^~(?=\/|$)/, home));
}

// One shell word as the shell would read it, or undefined when only the shell can tell (globs, escapes, unknown
// variables, command substitution). Quotes are removed; `$NAME`/`${NAME}` is read from `env`, `$HOME` as `~`.
function unquote(word: string, place: ShellPlace): string | undefined {
	let text = '';
	for (const [piece] of word.matchAll(/'[^']*'|"[^"]*"|[^'"]+/g)) {
		if (piece.startsWith("'")) {
			text += piece.slice(1, -1);
			continue;
		}

		const quoted = piece.startsWith('"');
		const body = quoted ? piece.slice(1, -1) : piece;
		if (/[`\\]/.test(body) || (!quoted && /[*?[]/.test(body))) return undefined;
		let unknown = false;
		text += body.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_all, braced?: string, bare?: string) => {
			const name = (braced ?? bare)!;
			const value = name === 'HOME' && text === '' ? '~' : place.env[name];
			if (value === undefined) unknown = true;
			return value ?? '';
		});
		if (unknown || text.includes('$')) return undefined;
	}

	return text;
}

// The top-level pieces of a command that run in the shell itself, each with the operator before it: `a && cd x; b`.
// Text inside quotes, `$( … )`, `( … )` and `{ … }` is never split; a piece after `|` runs in a subshell.
function segments(command: string): Array<{text: string; after: string}> {
	const pieces: Array<{text: string; after: string}> = [];
	let depth = 0;
	let quote = '';
	let start = 0;
	let after = '';
	for (let index = 0; index < command.length; index++) {
		const char = command[index]!;
		if (quote) {
			if (char === '\\' && quote === '"') index++;
			else if (char === quote) quote = '';
			continue;
		}

		if (char === '\\') index++;
		else if (char === "'" || char === '"') quote = char;
		else if (char === '(' || char === '{') depth++;
		else if ((char === ')' || char === '}') && depth > 0) depth--;
		else if (depth === 0 && (char === ';' || char === '\n' || char === '&' || char === '|')) {
			const double = command[index + 1] === char && char !== ';' && char !== '\n';
			pieces.push({text: command.slice(start, index), after});
			after = double ? char + char : char;
			if (double) index++;
			start = index + 1;
		}
	}

	pieces.push({text: command.slice(start), after});
	return pieces;
}

/**
 * Where the shell is after `command` runs from `from`: each top-level `cd` is followed (`cd x && make`, `mkdir d; cd d`),
 * one inside a subshell or a pipeline is not; a `cd` that cannot be followed (`cd "$(mktemp -d)"`, `cd -`, after `||`)
 * makes the directory unknown.
 */
export function followCd(command: string, from: Whereabouts, place: ShellPlace): Whereabouts {
	let where = from;
	const pieces = segments(command);
	for (const [index, {text, after}] of pieces.entries()) {
		const match = /^\s*cd(?:\s+(.*?))?\s*$/s.exec(text);
		const next = pieces[index + 1]?.after;
		// In a pipeline or in the background a `cd` runs in a subshell and moves nothing.
		if (!match || after === '|' || after === '&' || next === '|' || next === '&') continue;
		const word = match[1] === undefined || match[1] === '' ? '~' : unquote(match[1], place);
		if (after === '||' || word === undefined || word === '-' || /\s/.test(match[1]?.replace(/'[^']*'|"[^"]*"/g, '') ?? '')) {
			return {cwd: undefined, fixed: false};
		}

		if (where.cwd === undefined && !path.posix.isAbsolute(word) && !word.startsWith('~')) continue;
		const absolute = path.posix.isAbsolute(word) || word.startsWith('~');
		where = {cwd: resolveIn(word, where.cwd ?? '/', place.home), fixed: absolute || where.fixed};
	}

	return where;
}
