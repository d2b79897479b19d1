import process from 'node:process';
import {splitLines} from '../../domain/output/text-tail.js';
import type {CheckExec} from './context.js';
import {runShell} from '../process/run-shell.js';
import {withSudoFunction} from '../process/sudo-function.js';

// Output kept per check: the verdict needs only the expected lines and the tail.
const maxLines = 2000;
const maxChars = 1024 * 1024;

/**
 * Runs a check's command with bash through the engine's shell runner (own process group, stdin closed so nothing
 * can wait for input, the whole tree killed on timeout). `user` commands run as the sudo user when the tool is
 * root under sudo; `sudo -u USER …` in a check runs as USER through runuser (sudo-function.ts).
 */
export const defaultCheckExec: CheckExec = async (command, options) => {
	const sudoUser = process.env.SUDO_USER;
	const asUser = options.as === 'user' && sudoUser && sudoUser !== 'root' && process.getuid?.() === 0;
	const script = withSudoFunction(command);
	const argv = asUser ? ['runuser', '-u', sudoUser, '--', 'bash', '-c', script] : ['bash', '-c', script];
	const timeout = AbortSignal.timeout(options.timeoutMs);
	let text = '';
	let gap = false;
	const result = await runShell({
		argv,
		cwd: options.cwd,
		env: {...process.env, ...options.env},
		signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
		onOutput(_stream, chunk, skipped) {
			// The start of the output arrives whole; once a flood is thinned, what follows would not run on from it.
			if (skipped > 0) gap = true;
			if (!gap && text.length < maxChars) text += chunk;
		},
	});
	return {exitCode: result.exitCode, output: splitLines(text).slice(0, maxLines).join('\n'), timedOut: result.aborted && timeout.aborted};
};
