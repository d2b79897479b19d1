// The only module that imports conf: the saved progress of a server's setup.
import {existsSync, lstatSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {unsafeSavedVariable} from '../domain/saved-environment.js';
import type {StepRecord} from '../domain/step-state.js';
import {isSecretKey} from '../domain/secrets.js';
import {InputError, type Session} from '../domain/types.js';
import {progressShapeError, secretsShapeError} from './progress-shape.js';
import {isEmptySecretPart, mergeSecrets, splitSecrets, type SecretPart, type SecretTest} from './secret-split.js';
import {checkPrivateDirectory, describeError, ensurePrivateDirectory, isLink} from './safe-files.js';
import {stateFile} from './state-directory.js';

/** The format of progress-v1.json this version writes; a state of a later format is refused, never rewritten. */
export const stateFormat = 1;


/** Everything saved, as stored in progress-v1.json. */
export interface ProgressData {
	steps: Record<string, StepRecord>;
	sessions: Record<string, Session>;
	values: Record<string, string>;
	/** Boot id of the machine when progress was last saved. */
	bootId?: string;
	/** A reboot asked for by `step` during the boot `bootId`. */
	reboot?: {step: string; bootId: string};
	/** The format of the file (absent in the first states = 1). */
	format?: number;
}

/**
 * The saved progress, read and written through conf (atomic writes, mode 0600), its shape checked by hand (see
 * progress-shape.ts), in a directory only this user can write (created 0700), from a file that is no link; see
 * checkPrivateDirectory.
 */
export class ProgressStore {
	/** The state directory. */
	readonly directory: string;
	/** The state file. */
	readonly file: string;
	/** The file secret parameter values and secret session variables are kept in (0600), apart from the progress. */
	readonly secretFile: string;
	private conf?: Conf<ProgressData>;
	private secretConf?: Conf<SecretPart>;
	private readonly isSecret: SecretTest;
	// This process holds the run lock while it writes, so what it last read or wrote is what the file says.
	private cache?: ProgressData;
	// The files as they were read when opened, once their shape was checked: the first read() uses these, never a
	// second read of a file that could differ from what was checked.
	private checked?: ProgressData;
	private checkedSecrets?: SecretPart;

	/**
	 * Opens the state in `directory`. Nothing is created until the first write, so read-only commands leave a machine
	 * as they found it. A corrupt or unreadable file → InputError, the file left as it is.
	 */
	constructor(directory: string, options: {isSecret?: SecretTest} = {}) {
		this.directory = directory;
		this.file = stateFile(directory);
		this.secretFile = path.join(directory, 'secrets-v1.json');
		this.isSecret = options.isSecret ?? (name => isSecretKey(name));
		// Refused before anything is read from it: a directory someone else can write, a file, a link.
		if (existsSync(directory) || isLink(directory)) checkPrivateDirectory(directory);
		if (existsSync(this.file) || isLink(this.file)) this.open();
	}

	/** A snapshot of everything saved (empty when nothing was saved yet). */
	read(): ProgressData {
		if (!this.conf && !existsSync(this.file)) return {steps: {}, sessions: {}, values: {}};
		if (!this.cache) {
			this.open();
			const store = this.checked!;
			const open = {steps: store.steps ?? {}, sessions: store.sessions ?? {}, values: store.values ?? {}, bootId: store.bootId, reboot: store.reboot, format: stateFormat};
			this.cache = existsSync(this.secretFile) || isLink(this.secretFile) ? mergeSecrets(open, (this.openSecrets(), this.checkedSecrets!)) : open;
			this.checkLoaded(this.cache, store.format ?? 1);
		}

		return structuredClone(this.cache);
	}

	private open(): Conf<ProgressData> {
		if (this.conf) return this.conf;
		ensurePrivateDirectory(this.directory);
		this.checkFile(this.file);
		try {
			const conf = new Conf<ProgressData>({
				cwd: this.directory,
				configName: 'progress-v1',
				accessPropertiesByDotNotation: false,
				configFileMode: 0o600,
				clearInvalidConfig: false,
				watch: false,
			});
			// Kept only once checked: a later read must not use a file of the wrong shape.
			const store = conf.store;
			checkShape(progressShapeError(store));
			this.conf = conf;
			this.checked = store;
			return conf;
		} catch (error) {
			const reason = (error as Error).message.split('\n')[0];
			throw new InputError(`state file ${this.file} is corrupt or unreadable (${reason}): move it away or run with --state DIR to start over`);
		}
	}

	/** Replaces everything saved in one atomic write (secrets go to `secretFile`, written first). A state that cannot be written → InputError naming the file. */
	write(data: ProgressData): void {
		const clean = JSON.parse(JSON.stringify({...data, format: stateFormat})) as ProgressData;
		const {open, secret} = splitSecrets(clean, this.isSecret);
		try {
			checkShape(secretsShapeError(secret));
			checkShape(progressShapeError(open));
			if (!isEmptySecretPart(secret) || existsSync(this.secretFile)) this.openSecrets().store = secret;
			this.open().store = open;
		} catch (error) {
			if (error instanceof InputError) throw error;
			throw new InputError(`cannot save progress in ${this.file}: ${describeError(error)} (the state is as it was)`);
		}

		this.cache = clean;
	}

	// Secrets are not stored in clear in the progress file (which status shows and people paste into reports): they
	// live in their own 0600 file beside it, read only to run commands. Encrypting them would need a key kept on the
	// same machine, readable by the same root: no safer than a file only root can read.
	private openSecrets(): Conf<SecretPart> {
		if (this.secretConf) return this.secretConf;
		try {
			ensurePrivateDirectory(this.directory);
			this.checkFile(this.secretFile);
			const conf = new Conf<SecretPart>({
				cwd: this.directory,
				configName: 'secrets-v1',
				accessPropertiesByDotNotation: false,
				configFileMode: 0o600,
				clearInvalidConfig: false,
				watch: false,
			});
			const store = conf.store;
			checkShape(secretsShapeError(store));
			this.secretConf = conf;
			this.checkedSecrets = store;
			return conf;
		} catch (error) {
			const reason = (error as Error).message.split('\n')[0];
			throw new InputError(`secrets file ${this.secretFile} is corrupt or unreadable (${reason}): move it away or run with --state DIR to start over`);
		}
	}

	// A state file is a regular file of this user's that nobody else can write, never a link to somewhere else.
	private checkFile(file: string): void {
		let stats;
		try {
			stats = lstatSync(file);
		} catch {
			return;
		}

		const problem = stats.isSymbolicLink()
			? 'is a symbolic link'
			: !stats.isFile()
				? 'is not a regular file'
				: stats.uid !== (process.geteuid?.() ?? 0)
					? `is owned by uid ${stats.uid}`
					: (stats.mode & 0o022) === 0
						? undefined
						: 'is writable by others';
		if (problem) throw this.corrupt(problem, file);
	}

	// What was read is used only when it is what this version would have written: a known format, a session
	// environment that runs nothing by itself.
	private checkLoaded(data: ProgressData, format: number): void {
		if (format > stateFormat) throw new InputError(`state file ${this.file} was written by a newer tomesh-setup (format ${format}): use that version, or --state DIR to start over`);
		for (const [runbook, session] of Object.entries(data.sessions)) {
			const name = unsafeSavedVariable(session.env);
			if (name) throw this.corrupt(`the saved session of ${runbook} sets ${name}`);
			if (!path.isAbsolute(session.cwd)) throw this.corrupt(`the saved session of ${runbook} has a relative directory`);
		}
	}

	private corrupt(reason: string, file = this.file): InputError {
		return new InputError(`state file ${file} is corrupt, unreadable or untrusted (${reason}): it is kept as it is; move it away or run with --state DIR to start over`);
	}

	/** Applies `change` to a snapshot and saves the result atomically. */
	update(change: (data: ProgressData) => void): ProgressData {
		const data = this.read();
		change(data);
		this.write(data);
		return data;
	}
}

// The same words as conf's schema check used, so a message reads as before.
function checkShape(problem: string | undefined): void {
	if (problem) throw new Error(`Config schema violation: \`${problem.replace(/^\//, '')}\``);
}
