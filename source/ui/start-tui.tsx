/**
 * Entry of the TUI, imported on demand by the run and verify commands when stdin and stdout are terminals, so
 * headless commands never load Ink or React.
 */
import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import type {Controller} from '../engine/controller-types.js';

/** What the commands hand to the TUI. */
export interface StartTuiOptions {
	controller: Controller;
	options: CliOptions;
	mode: 'run' | 'verify';
}

/** Runs the TUI until the operator quits; resolves to the process exit code (as the headless command would). */
export async function startTui({controller, options, mode}: StartTuiOptions): Promise<number> {
	const startedAt = performance.now();
	// chalk (used by Ink and marked-terminal) reads FORCE_COLOR, not NO_COLOR, when first loaded: set it before.
	if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';
	const {mountTui} = await loadWithoutFetch(async () => import('./mount.js'));
	const result = await mountTui({
		controller,
		mode,
		only: options.only !== undefined,
		isRoot: process.getuid?.() === 0,
		trial: options.state !== undefined,
		preset: Object.keys(options.set).length > 0,
		timeoutMs: options.timeoutMs,
		startedAt,
	});
	if (result.next === 'plan') return (await import('../commands/plan.js')).planCommand({...options, command: 'plan'});
	return result.code;
}

/**
 * Ink's layout engine (yoga) decodes its embedded WebAssembly with `fetch` when there is one, which makes Node load
 * its whole HTTP client (undici) before the first frame; without `fetch` it decodes the same bytes directly.
 */
async function loadWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
