import {stat} from 'node:fs/promises';
import path from 'node:path';
import type {Check} from '../../domain/types.js';
import {maskSecrets} from '../../domain/secrets.js';
import {formatDuration, lastLines, type CheckContext, type CheckOutcome} from './context.js';
import {lineShows, normaliseLine as normalise} from './expected-output.js';

type CommandCheck = Extract<Check, {kind: 'command'}>;

/**
 * Runs a command check: it passes when the command exits 0 and every expected line shows in a line of its output
 * (whitespace-insensitive; see lineShows). The command runs in the session's cwd and environment, as the check's user.
 */
export async function runCommandCheck(check: CommandCheck, context: CheckContext): Promise<CheckOutcome> {
	// A directory an earlier step creates is not the check's business (`nginx -v` runs anywhere): the check runs in its
	// nearest existing parent, and a failure says where it ran.
	const cwd = await nearestDirectory(context.cwd);
	const outcome = await runIn(check, context, cwd);
	if (cwd === context.cwd || outcome.status === 'pass') return outcome;
	return {...outcome, detail: `${outcome.detail} (ran in ${cwd}: ${context.cwd} does not exist yet)`, hint: outcome.hint ?? 'run the earlier steps first'};
}

async function runIn(check: CommandCheck, context: CheckContext, cwd: string): Promise<CheckOutcome> {
	const result = await context.exec(check.command, {
		cwd,
		env: {...context.env, ...check.env, HOME: context.home},
		timeoutMs: context.timeoutMs,
		signal: context.signal,
		as: check.as,
	});
	const output = maskSecrets(result.output);
	if (result.timedOut) return {status: 'fail', detail: `timed out after ${formatDuration(context.timeoutMs)}`};
	if (result.exitCode !== 0) {
		const tail = lastLines(output);
		const how = result.exitCode === null ? 'was killed' : `exited ${result.exitCode}`;
		return {status: 'fail', detail: tail ? `${how}: ${tail}` : `${how} (no output)`, hint: hintFor(check.command, result.exitCode, output)};
	}

	const got = output.split('\n');
	const missing = (check.expect ?? []).map(line => normalise(line)).filter(line => line !== '' && !got.some(have => lineShows(have, line)));
	if (missing.length > 0) {
		const tail = lastLines(output);
		return {status: 'fail', detail: `expected '${missing[0]}', got ${tail ? `'${tail}'` : 'no output'}`};
	}

	const expected = check.expect?.length ? `output has ${check.expect.length === 1 ? `'${normalise(check.expect[0]!)}'` : `the ${check.expect.length} expected lines`}` : 'exited 0';
	return {status: 'pass', detail: expected};
}

function hintFor(command: string, exitCode: number | null, output: string): string | undefined {
	// In a pipeline the exit code is the last command's: bash's message still names a missing program.
	const missing = /(?:^|\n)(?:bash: (?:line \d+: )?)?([^\s:]+): command not found/.exec(output)?.[1];
	if (missing) return `${missing} is not installed or not on PATH`;
	if (exitCode === 127) {
		const program = /^\s*(?:sudo\s+)?([^\s;|&]+)/.exec(command)?.[1]?.replaceAll(/['"]/g, '');
		return program ? `${program} is not installed or not on PATH` : undefined;
	}

	if (exitCode === 126) return 'the command is not executable';
	return undefined;
}

async function nearestDirectory(directory: string): Promise<string> {
	let candidate = directory;
	while (!(await isDirectory(candidate)) && path.dirname(candidate) !== candidate) candidate = path.dirname(candidate);
	return candidate;
}

async function isDirectory(directory: string): Promise<boolean> {
	try {
		return (await stat(directory)).isDirectory();
	} catch {
		return false;
	}
}
