/**
 * Entry of the TUI, imported on demand by the run and verify commands when stdin and stdout are terminals, so
 * headless commands never load Ink or React.
 */
import process from 'node:process';
import type {Controller} from '../engine/controller-types.js';
import type {TuiResult} from './app.js';

/** What the commands hand to the TUI: the engine and how the walkthrough starts. The TUI sees no command line. */
export interface StartTuiOptions {
	controller: Controller;
	mode: 'run' | 'verify';
	/** One runbook was chosen: open its first unfinished step directly. */
	only: boolean;
	/** A state directory was given: a non-root trial is allowed. */
	trial: boolean;
	/** Values were given on the command line: the form asks only for what is still missing. */
	preset: boolean;
	/** Called once, when the first frame is on the terminal. */
	onFirstFrame?: () => void;
}

/**
 * Runs the TUI until the operator quits; resolves to its intent: the exit code (as the headless command would give)
 * and, when the operator asked for it, what the command should do next (e.g. print the plan).
 */
export async function startTui({controller, mode, only, trial, preset, onFirstFrame}: StartTuiOptions): Promise<TuiResult> {
	const startedAt = performance.now();
	// chalk (used by Ink and marked-terminal) reads FORCE_COLOR, not NO_COLOR, when first loaded: set it before.
	if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';
	const {mountTui} = await loadWithoutFetch(async () => import('./mount.js'));
	const result = await mountTui({
		controller,
		mode,
		only,
		isRoot: process.getuid?.() === 0,
		trial,
		preset,
		startedAt,
		onFirstFrame,
	});
	return result;
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
