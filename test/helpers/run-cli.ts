// Runs the built CLI (dist/cli.js) as a separate process, the way an operator or CI would.
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

/**
 * The built CLI. `npm test` builds it first; run `npm run build` before running a single test file.
 * TOMESH_SETUP_CLI points the tests at another build (e.g. one that another build cannot delete meanwhile).
 */
export const cliPath = path.resolve(process.env.TOMESH_SETUP_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url)));

/** What a CLI process did. */
export interface CliResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** The environment tests run the CLI with: no sudo user (so `$` commands run as root), no inherited state dir. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, ...extra, NO_COLOR: '1'};
	delete env.SUDO_USER;
	delete env.TOMESH_SETUP_STATE;
	delete env.TOMESH_SETUP_LOG_DIR;
	return env;
}

/** Starts the CLI; the caller may watch and kill it. */
export function startCli(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}): {child: ChildProcess; done: Promise<CliResult>} {
	if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
	const child = spawn(process.execPath, [cliPath, ...args], {cwd: options.cwd, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const done = new Promise<CliResult>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (exitCode, signal) => resolve({exitCode, signal, stdout, stderr}));
	});
	return {child, done};
}

/** Runs the CLI to its end. */
export async function runCli(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<CliResult> {
	return startCli(args, options).done;
}
