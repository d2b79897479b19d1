// The only module that imports conf: the saved progress of a server's setup.
import {existsSync, mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type {StepRecord} from '../domain/step-state.js';
import {InputError, type Session} from '../domain/types.js';


/** Everything saved, as stored in progress-v1.json. */
export interface ProgressData {
	steps: Record<string, StepRecord>;
	sessions: Record<string, Session>;
	values: Record<string, string>;
	/** Boot id of the machine when progress was last saved. */
	bootId?: string;
	/** A reboot asked for by `step` during the boot `bootId`. */
	reboot?: {step: string; bootId: string};
}

/** The default state directory when root (sudo may keep the user's HOME, so not the home directory). */
export const systemStateDirectory = '/var/lib/tomesh-setup';

/** Where progress lives: `--state` / TOMESH_SETUP_STATE, else /var/lib/tomesh-setup as root, else the user's config directory. */
export function stateDirectory(state: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	if (state) return path.resolve(state);
	if (process.getuid?.() === 0) return systemStateDirectory;
	return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'tomesh-setup');
}

const stringMap = {type: 'object', additionalProperties: {type: 'string'}};
const statuses = ['pending', 'running', 'done', 'failed', 'skipped', 'interrupted', 'awaiting-reboot'];
const schema = {
	steps: {
		type: 'object',
		additionalProperties: {
			type: 'object',
			required: ['status'],
			properties: {
				status: {enum: statuses},
				startedAt: {type: 'string'},
				endedAt: {type: 'string'},
				exitCode: {type: ['integer', 'null']},
				outputTail: {type: 'array', items: {type: 'string'}},
				fingerprint: {type: 'string'},
				message: {type: 'string'},
			},
		},
	},
	sessions: {
		type: 'object',
		additionalProperties: {type: 'object', required: ['cwd', 'env'], properties: {cwd: {type: 'string'}, env: stringMap}},
	},
	values: stringMap,
	bootId: {type: 'string'},
	reboot: {type: 'object', required: ['step', 'bootId'], properties: {step: {type: 'string'}, bootId: {type: 'string'}}},
} as const;

/** The saved progress, read and written through conf (atomic writes, mode 0600, validated against a schema). */
export class ProgressStore {
	/** The state directory. */
	readonly directory: string;
	/** The state file. */
	readonly file: string;
	private conf?: Conf<ProgressData>;
	// This process holds the run lock while it writes, so what it last read or wrote is what the file says.
	private cache?: ProgressData;

	/**
	 * Opens the state in `directory`. Nothing is created until the first write, so read-only commands leave a machine
	 * as they found it. A corrupt or unreadable file → InputError, the file left as it is.
	 */
	constructor(directory: string) {
		this.directory = directory;
		this.file = path.join(directory, 'progress-v1.json');
		if (existsSync(this.file)) this.open();
	}

	/** A snapshot of everything saved (empty when nothing was saved yet). */
	read(): ProgressData {
		if (!this.conf && !existsSync(this.file)) return {steps: {}, sessions: {}, values: {}};
		if (!this.cache) {
			const store = this.open().store;
			this.cache = {steps: store.steps ?? {}, sessions: store.sessions ?? {}, values: store.values ?? {}, bootId: store.bootId, reboot: store.reboot};
		}

		return structuredClone(this.cache);
	}

	private open(): Conf<ProgressData> {
		if (this.conf) return this.conf;
		try {
			mkdirSync(this.directory, {recursive: true, mode: 0o700});
			this.conf = new Conf<ProgressData>({
				cwd: this.directory,
				configName: 'progress-v1',
				schema: schema as never,
				// The schema is ours and fixed: checking it against JSON Schema's meta-schema costs every start ~35 ms.
				ajvOptions: {validateSchema: false},
				accessPropertiesByDotNotation: false,
				configFileMode: 0o600,
				clearInvalidConfig: false,
				watch: false,
			});
			return this.conf;
		} catch (error) {
			const reason = (error as Error).message.split('\n')[0];
			throw new InputError(`state file ${this.file} is corrupt or unreadable (${reason}): move it away or run with --state DIR to start over`);
		}
	}

	/** Replaces everything saved in one atomic write. */
	write(data: ProgressData): void {
		const clean = JSON.parse(JSON.stringify(data)) as ProgressData;
		this.open().store = clean;
		this.cache = clean;
	}

	/** Applies `change` to a snapshot and saves the result atomically. */
	update(change: (data: ProgressData) => void): ProgressData {
		const data = this.read();
		change(data);
		this.write(data);
		return data;
	}
}
