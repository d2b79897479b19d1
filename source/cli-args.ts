import {parseArgs} from 'node:util';
import {InputError} from './domain/types.js';

/** The commands of the CLI contract (DESIGN.md §3). */
export type CommandName = 'run' | 'plan' | 'verify' | 'status' | 'reset' | 'lint' | 'preflight' | 'undo';

/** Report formats of `verify --format`. */
export type VerifyFormat = 'json' | 'junit' | 'tap';

/** Parsed command line. */
export interface CliOptions {
	command: CommandName;
	/** Positional arguments after the command (e.g. the runbook of `reset RUNBOOK`). */
	args: string[];
	docs: string[];
	only?: string;
	json: boolean;
	/** `status --record`: the path of the latest as-run record. */
	record: boolean;
	/** `--format` of verify (`--json` is `--format json`). */
	format?: VerifyFormat;
	yes: boolean;
	/** `run --repair`: run again the done steps whose checks fail now or whose text changed. */
	repair: boolean;
	/** `run --yes --allow-removals`: a step whose apt commands remove packages runs (it stops the run otherwise). */
	allowRemovals: boolean;
	state?: string;
	/** `--trust-doc`: as root, use documents that others can write (refused otherwise). */
	trustDoc: boolean;
	/** `--set KEY=VALUE` pairs, in order. */
	set: Record<string, string>;
	/** Per-check timeout in milliseconds. */
	timeoutMs: number;
	help: boolean;
	version: boolean;
}

const commands = new Set<CommandName>(['run', 'plan', 'verify', 'status', 'reset', 'lint', 'preflight', 'undo']);
const formats = new Set<VerifyFormat>(['json', 'junit', 'tap']);

/** Parses argv (without node and script); throws InputError naming the flag on bad usage. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				doc: {type: 'string', multiple: true},
				only: {type: 'string'},
				json: {type: 'boolean'},
				record: {type: 'boolean'},
				format: {type: 'string'},
				yes: {type: 'boolean', short: 'y'},
				repair: {type: 'boolean'},
				'allow-removals': {type: 'boolean'},
				state: {type: 'string'},
				'trust-doc': {type: 'boolean'},
				set: {type: 'string', multiple: true},
				timeout: {type: 'string'},
				verify: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		// parseArgs messages are already one readable line ("Unknown option '--x'").
		throw new InputError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
	}

	const {values, positionals} = parsed;
	const [first, ...rest] = positionals;
	let command: CommandName = 'run';
	if (first !== undefined) {
		if (!commands.has(first as CommandName)) {
			throw new InputError(`unknown command '${first}' (try: run, plan, verify, status, reset, lint, preflight, undo, --help)`);
		}

		command = first as CommandName;
	}

	if (values.verify) {
		if (first !== undefined && command !== 'verify') throw new InputError(`--verify cannot be combined with '${command}'`, '--verify');
		command = 'verify';
	}

	if (values.repair && command !== 'run') throw new InputError(`goes with run only, not '${command}'`, '--repair');
	if (values['allow-removals'] && command !== 'run') throw new InputError(`goes with run only, not '${command}'`, '--allow-removals');
	if (rest.length > 0 && command !== 'reset' && command !== 'undo') throw new InputError(`unexpected argument '${rest[0]}'`);
	if (rest.length > 1) throw new InputError(command === 'undo' ? `undo takes one step, got '${rest.join(' ')}'` : `reset takes one runbook, got '${rest.join(' ')}'`);
	if (values.record && command !== 'status') throw new InputError('only status prints the as-run record', '--record');

	const set: Record<string, string> = {};
	for (const pair of values.set ?? []) {
		const match = /^([A-Za-z_][\w-]*)=(.*)$/s.exec(pair);
		if (!match) throw new InputError(`expected KEY=VALUE, got ${JSON.stringify(pair)}`, '--set');
		set[match[1]!] = match[2]!;
	}

	let timeoutMs = 10_000;
	if (values.timeout !== undefined) {
		const seconds = Number(values.timeout);
		if (!Number.isFinite(seconds) || seconds <= 0) throw new InputError(`expected a number of seconds, got '${values.timeout}'`, '--timeout');
		timeoutMs = Math.round(seconds * 1000);
	}

	let format: VerifyFormat | undefined;
	if (values.format !== undefined) {
		if (!formats.has(values.format as VerifyFormat)) throw new InputError(`expected json, junit or tap, got '${values.format}'`, '--format');
		if (command !== 'verify') throw new InputError(`only verify has report formats (use --json for ${command})`, '--format');
		if (values.json && values.format !== 'json') throw new InputError(`--json is --format json: cannot also be ${values.format}`, '--format');
		format = values.format as VerifyFormat;
	}

	if (values.only !== undefined && values.only.trim() === '') throw new InputError('expected a runbook id or title', '--only');
	if (values.state !== undefined && values.state.trim() === '') throw new InputError('expected a directory', '--state');

	return {
		command,
		args: rest,
		docs: values.doc ?? [],
		only: values.only,
		json: (values.json ?? false) || format === 'json',
		record: values.record ?? false,
		...(format === undefined ? {} : {format}),
		yes: values.yes ?? false,
		repair: values.repair ?? false,
		allowRemovals: values['allow-removals'] ?? false,
		state: values.state ?? (env.TOMESH_SETUP_STATE || undefined),
		trustDoc: values['trust-doc'] ?? false,
		set,
		timeoutMs,
		help: values.help ?? false,
		version: values.version ?? false,
	};
}
