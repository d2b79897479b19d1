import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {hostileValues, injectionContexts} from './injection-cases.js';

/** How a substitution fills `literal` in `command` with `value`: the command and its environment, or a refusal (throws). */
export type Substitute = (command: string, literal: string, value: string) => {command: string; env: Record<string, string>};

/** One value × context run. */
export interface MatrixRun {
	context: string;
	value: string;
	outcome: 'refused' | 'executed' | 'ran';
	/** The output differed from what the context prints when the value arrives intact. */
	wrongOutput?: {expected: string; got: string};
}

// Stand-ins for programs that hand text to another shell, so that nested contexts run here without a network or users.
const fakes: Record<string, string> = {
	ssh: 'shift; exec bash -c "$*"',
	su: 'while [ $# -gt 0 ]; do [ "$1" = -c ] && { cmd=$2; shift; }; shift; done; exec bash -c "$cmd"',
	sudo: 'while [ "${1#-}" != "$1" ]; do [ "$1" = -u ] && shift; shift; done; exec "$@"',
};

const quote = (text: string) => `'${text.replaceAll("'", String.raw`'\''`)}'`;

/**
 * Runs every hostile value in every context with real bash (one bash driving all runs, each run sourced in a subshell of
 * its own, in a directory of its own) and reports, per run, whether the substitution refused it, whether it created its canary
 * file (ran code), and whether the output was the value intact.
 */
export function runInjectionMatrix(substitute: Substitute, values: string[] = hostileValues, literal = 'DB_PASSWORD'): MatrixRun[] {
	const root = mkdtempSync(path.join(os.tmpdir(), 'tomesh-injection-'));
	try {
		const bin = path.join(root, 'bin');
		mkdirSync(bin);
		for (const [name, body] of Object.entries(fakes)) writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, {mode: 0o755});
		const runs: Array<MatrixRun & {script?: string; canary: string; expected?: string}> = [];
		for (const context of injectionContexts) {
			for (const template of values) {
				const index = runs.length;
				const canary = path.join(root, `canary-${index}`);
				const value = template.replaceAll(/\bC\b/g, canary);
				const run: (typeof runs)[number] = {context: context.name, value, outcome: 'ran', canary};
				runs.push(run);
				let substituted;
				try {
					substituted = substitute(context.command.replaceAll('LIT', literal), literal, value);
				} catch {
					run.outcome = 'refused';
					continue;
				}

				const directory = path.join(root, `run-${index}`);
				mkdirSync(directory);
				const exports = Object.entries(substituted.env).map(([name, text]) => `export ${name}=${quote(text)}\n`).join('');
				run.script = path.join(directory, 'command.sh');
				writeFileSync(run.script, `${exports}cd ${quote(directory)}\n${substituted.command}\n`);
				run.expected = context.prints?.(value);
			}
		}

		const driver = runs
			.filter((run) => run.script)
			.map((run) => `( . ${quote(run.script!)} ) > ${quote(`${run.script}.out`)} 2>/dev/null < /dev/null`)
			.join('\n');
		writeFileSync(path.join(root, 'driver.sh'), `${driver}\n`);
		spawnSync('bash', [path.join(root, 'driver.sh')], {env: {...process.env, PATH: `${bin}:${process.env.PATH}`}, stdio: 'ignore', timeout: 120_000});
		for (const run of runs) {
			if (!run.script) continue;
			if (existsSync(run.canary)) run.outcome = 'executed';
			const got = existsSync(`${run.script}.out`) ? readFileSync(`${run.script}.out`, 'utf8') : '(not run)';
			if (run.expected !== undefined && got !== run.expected) run.wrongOutput = {expected: run.expected, got};
		}

		return runs.map(({context, value, outcome, wrongOutput}) => ({context, value, outcome, ...(wrongOutput ? {wrongOutput} : {})}));
	} finally {
		rmSync(root, {recursive: true, force: true});
	}
}
