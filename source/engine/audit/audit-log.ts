import {mkdirSync, writeSync} from 'node:fs';
import path from 'node:path';
import {maskSecrets} from '../../domain/secrets.js';
import {openNoFollow} from '../../store/safe-files.js';

/** The directory the audit log goes to when root uses the default state directory. */
export const systemLogDirectory = '/var/log/tomesh-setup';

/**
 * Where the audit log lives: TOMESH_SETUP_LOG_DIR when set; /var/log/tomesh-setup for root with the default state
 * directory; otherwise next to the state (a `--state DIR` run keeps everything it leaves behind in DIR).
 */
export function auditLogDirectory(stateDir: string, usesDefaultState: boolean, env: NodeJS.ProcessEnv = process.env): string {
	if (env.TOMESH_SETUP_LOG_DIR) return env.TOMESH_SETUP_LOG_DIR;
	return usesDefaultState && process.getuid?.() === 0 ? systemLogDirectory : stateDir;
}

/** An append-only record of every command, its output and its result; secret values masked. */
export class AuditLog {
	/** The log file. */
	readonly file: string;

	constructor(directory: string) {
		this.file = path.join(directory, 'audit.log');
	}

	/**
	 * Appends one entry (a line per line of `text`, each after `prefix`), stamped with the time and the step it belongs
	 * to. Secrets are masked in `text` before the prefix is added, so `key: value` lines are still recognised.
	 */
	write(step: string, text: string, prefix = ''): void {
		const stamp = new Date().toISOString();
		const lines = maskSecrets(text)
			.split('\n')
			.map(line => `${stamp} ${step} ${prefix}${line}\n`)
			.join('');
		try {
			// One open file for the whole run: a step printing millions of lines must not cost a mkdir, an open and a
			// close per line. Each entry is still written (synchronously) before write() returns.
			if (this.fd === undefined) {
				mkdirSync(path.dirname(this.file), {recursive: true, mode: 0o700});
				// Never through a link: a planted audit.log → /etc/x must not make root append to /etc/x.
				this.fd = openNoFollow(this.file, 'append', 0o600);
			}

			writeSync(this.fd, lines);
		} catch (error) {
			// The log must never stop a run half-way; say once that it could not be written.
			if (!this.warned) process.stderr.write(`tomesh-setup: cannot write the audit log ${this.file}: ${(error as Error).message}\n`);
			this.warned = true;
		}
	}

	private warned = false;
	private fd: number | undefined;
}
