/**
 * Drives a program in a detached tmux session on a private socket (never the operator's tmux server): send keys,
 * capture the pane, wait for text with a deadline.
 */
import {execFileSync} from 'node:child_process';

/** Options of a tmux session. */
export interface TmuxOptions {
	cwd?: string;
	env?: Record<string, string>;
	width?: number;
	height?: number;
}

function quote(word: string): string {
	return `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

/** One tmux session running one command. */
export class TmuxSession {
	private readonly socket: string;
	private readonly name = 'tui';

	constructor(socket = `tomesh-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`) {
		this.socket = socket;
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	}

	/** Starts `argv` in a new session; the pane stays after the program exits so its last screen can be read. */
	start(argv: string[], options: TmuxOptions = {}): void {
		const env = Object.entries({TERM: 'xterm-256color', ...options.env}).map(([k, v]) => `${k}=${quote(v)}`);
		// An operator at a terminal has no CI variable; with one, Ink draws only the last frame (CI runs set it).
		const command = `env -u CI -u CONTINUOUS_INTEGRATION ${env.join(' ')} ${argv.map(quote).join(' ')}; echo "[exit $?]"; sleep 86400`;
		this.tmux('new-session', '-d', '-s', this.name, '-x', String(options.width ?? 100), '-y', String(options.height ?? 40), '-c', options.cwd ?? process.cwd(), command);
	}

	/** Sends keys as tmux names them (`Enter`, `Escape`, `C-c`) or literal text with `literal`. */
	send(keys: string[], literal = false): void {
		this.tmux('send-keys', '-t', this.name, ...(literal ? ['-l'] : []), ...keys);
	}

	/** Sends bytes (hex, `03` is Ctrl-C) in one write: a burst of keys as SSH delivers them. */
	sendBytes(hex: string[]): void {
		this.tmux('send-keys', '-t', this.name, '-H', ...hex);
	}

	/** Resizes the window, as an SSH client's window resize or a pane split does. */
	resize(width: number, height: number): void {
		this.tmux('resize-window', '-t', this.name, '-x', String(width), '-y', String(height));
	}

	/** Closes the terminal under the program (its pty hangs up: SIGHUP), as a lost SSH session does. */
	hangUp(): void {
		this.tmux('kill-session', '-t', this.name);
	}

	/** The visible pane, plain text (`escapes`: with the colour and style sequences the program wrote). */
	capture(escapes = false): string {
		return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name);
	}

	/** Waits until the pane shows `text` (or matches it); throws with the last screen after `timeoutMs`. */
	async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.capture();
			if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
			await new Promise(resolve => setTimeout(resolve, 25));
		}

		throw new Error(`timed out waiting for ${String(text)} in the pane:\n${screen}`);
	}

	/** Ends the session and its tmux server. */
	kill(): void {
		try {
			execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', 'kill-server'], {stdio: 'ignore'});
		} catch {
			// Already gone.
		}
	}
}

/** True when tmux is installed. */
export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}
