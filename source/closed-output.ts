import process from 'node:process';
import type {CliOptions, CommandName} from './cli-args.js';

/** The commands that change nothing: when the reader of their output goes away, nothing is left for them to do. */
const reportingCommands = new Set<CommandName>(['plan', 'verify', 'status', 'lint', 'preflight']);

/** The exit code of a reporting command whose reader went away: what a shell shows for a tool ended by SIGPIPE. */
export const readerGoneExitCode = 128 + 13;

/**
 * What a headless command does when the reader of its output goes away (`tomesh-setup plan --json | head`): Node
 * would throw EPIPE as an uncaught error, with a stack trace, at whatever point the next write comes. A command that
 * only reports stops there, quietly, with 141 as a tool ended by SIGPIPE does (Node ignores that signal, so it cannot
 * simply die of it). A command that changes the system (run --yes, undo, reset) carries on without its output: the
 * audit log and the saved state hold what it did, and stopping halfway through a step would be worse.
 * The walkthrough does not use this: there a lost terminal is a hang-up (ui/hang-up.ts).
 */
export function onClosedOutput(options: Pick<CliOptions, 'command' | 'help' | 'version'>): void {
	const reportsOnly = options.help || options.version || reportingCommands.has(options.command);
	const closed = () => {
		if (reportsOnly) process.exit(readerGoneExitCode);
	};

	process.stdout.on('error', closed);
	process.stderr.on('error', closed);
}
