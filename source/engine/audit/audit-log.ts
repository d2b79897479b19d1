import {mkdirSync, writeSync} from 'node:fs';
import path from 'node:path';
import {maskSecrets} from '../../domain/secrets.js';
import {openNoFollow} from '../../store/safe-files.js';

/** An append-only record of every command, its output and its result; secret values masked. */
export class AuditLog {
	/** The log file. */
	readonly file: string;
	private readonly mask: (text: string) => string;

	/** `mask` replaces the known secret values (the engine's masker); none by default. */
	constructor(directory: string, mask: (text: string) => string = text => text) {
		this.file = path.join(directory, 'audit.log');
		this.mask = mask;
	}

	/**
	 * Appends one entry (a line per line of `text`, each after `prefix`), stamped with the time and the step it belongs
	 * to. Known secret values are masked everywhere; quoted text (a `prefix` given: command output, text shown to the
	 * operator) is also searched for `key: value` secrets, before the prefix is added so that such lines are recognised.
	 * The tool's own lines are not: a runbook id with "secrets" in it is not a key whose value is the next word.
	 */
	write(step: string, text: string, prefix = ''): void {
		const stamp = new Date().toISOString();
		const lines = this.mask(prefix === '' ? text : maskSecrets(text))
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
