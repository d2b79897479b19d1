import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {defaultSystemHooks, type EngineOptions} from '../engine/engine-options.js';
import {EngineController} from '../engine/controller.js';
import {loadCachedDocuments} from '../load-cached-documents.js';
import {documentCache} from '../store/document-cache.js';
import {stateDirectory, systemStateDirectory} from '../store/state-directory.js';
import {resumeCommand} from './resume-command.js';

/** The directory the audit log goes to when root uses the default state directory. */
export const systemLogDirectory = '/var/log/tomesh-setup';

/**
 * The engine's options from the command line and the environment: the only place that reads either for the engine.
 * The audit log goes to TOMESH_SETUP_LOG_DIR when set, to /var/log/tomesh-setup for root with the default state
 * directory, otherwise next to the state (a `--state DIR` run keeps everything it leaves behind in DIR). The
 * TOMESH_SETUP_BOOT_ID_FILE, _PROFILE_DIR and _REBOOT_COMMAND variables replace the system's boot id, profile.d and
 * reboot command (tests; systems that reboot differently).
 */
export function engineOptions(cli: CliOptions, env: NodeJS.ProcessEnv = process.env, argv = process.argv.slice(2), cwd = process.cwd()): EngineOptions {
	const stateDir = stateDirectory(cli.state, env);
	const usesDefaultState = stateDir === systemStateDirectory && !cli.state;
	return {
		only: cli.only,
		values: cli.set,
		stateDir,
		logDir: env.TOMESH_SETUP_LOG_DIR || (usesDefaultState && process.getuid?.() === 0 ? systemLogDirectory : stateDir),
		timeoutMs: cli.timeoutMs,
		resumeCommand: resumeCommand(argv, cwd, env),
		env,
		system: {
			bootIdFile: env.TOMESH_SETUP_BOOT_ID_FILE || defaultSystemHooks.bootIdFile,
			profileDir: env.TOMESH_SETUP_PROFILE_DIR || defaultSystemHooks.profileDir,
			rebootCommand: env.TOMESH_SETUP_REBOOT_COMMAND || defaultSystemHooks.rebootCommand,
		},
	};
}

// Set by the build (scripts/build.js), different for every build: parsed documents cached by one build are never
// read by another, whose parser may differ. Unset when running from source: nothing is cached.
declare const TOMESH_SETUP_BUILD_ID: string | undefined;

/**
 * Loads the documents the command line names (or the shipped runbooks) and opens the engine over them. With
 * `cacheDocuments` (the walkthrough, which writes the state directory anyway) the parsed shipped runbooks are kept in
 * the state directory, and a start with unchanged runbooks does not parse them again (see documentCache). A `--doc`
 * is always parsed: it may hold the operator's own secrets, which the state never keeps outside secrets-v1.json.
 */
export async function openEngine(cli: CliOptions, options: EngineOptions = engineOptions(cli), {cacheDocuments = false} = {}): Promise<EngineController> {
	const cacheable = cacheDocuments && cli.docs.length === 0 && typeof TOMESH_SETUP_BUILD_ID === 'string';
	const cache = cacheable ? documentCache(options.stateDir, TOMESH_SETUP_BUILD_ID!) : undefined;
	// The parser is loaded only when a document has to be parsed (see loadCachedDocuments).
	const documents = cache
		? await loadCachedDocuments(cli.docs, cache, {trust: cli.trustDoc})
		: (await import('../load-documents.js')).loadDocuments(cli.docs, undefined, {trust: cli.trustDoc});
	return new EngineController(documents, options);
}
