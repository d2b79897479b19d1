/**
 * Hands the terminal to a child (a shell, $EDITOR) and takes it back when the child exits. The only process the UI
 * starts itself: spawnSync blocks the event loop, so Ink reads no key while the child owns the terminal.
 */
import {spawnSync} from 'node:child_process';
import process from 'node:process';

/** Where the child runs. */
export interface HandOverOptions {
	cwd: string;
	env?: Record<string, string>;
	/** A line printed before the child starts ("exit to return…"). */
	banner?: string;
}

/** Runs `command args` on the real terminal; resolves to its exit code (null when killed or it could not start). */
export function handOverTerminal(command: string, args: string[], options: HandOverOptions): number | null {
	const stdin = process.stdin;
	const wasRaw = stdin.isTTY ? stdin.isRaw : false;
	if (wasRaw) stdin.setRawMode(false);
	const tty = process.stdout.isTTY === true;
	// Show the cursor Ink hid, and start the child on a clean line below the UI.
	if (tty) process.stdout.write(`\u001B[?25h\n${options.banner ? `${options.banner}\n` : ''}`);
	try {
		const result = spawnSync(command, args, {cwd: options.cwd, env: {...process.env, ...options.env}, stdio: 'inherit'});
		return result.error ? null : result.status;
	} finally {
		if (wasRaw) stdin.setRawMode(true);
		// Clear the screen so Ink's next frame starts from a known place.
		if (tty) process.stdout.write('\u001B[2J\u001B[H');
	}
}

/** $VISUAL, $EDITOR, else Debian's `editor` alternative. */
export function preferredEditor(): string {
	return process.env.VISUAL || process.env.EDITOR || 'editor';
}

/**
 * The command that opens `file` in `editor`, which may carry arguments (`nano -w`, `code --wait`): the shell splits
 * the editor setting as git does, and the file is passed apart, never pasted into the command text.
 */
export function editorCommand(editor: string, file: string): {command: string; args: string[]} {
	return {command: 'sh', args: ['-c', `${editor} "$@"`, editor, file]};
}
