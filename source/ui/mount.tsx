import process from 'node:process';
import {render} from 'ink';
import type {Controller} from '../engine/controller-types.js';
import {App, type TuiResult} from './app.js';
import {KeyRelay} from './hooks/key-relay.js';
import {MaskedController} from './masked-controller.js';
import {onHangUp} from './hang-up.js';
import {preferSmallHeap} from './small-heap.js';

/** What the TUI is started with. */
export interface MountOptions {
	controller: Controller;
	mode: 'run' | 'verify';
	only: boolean;
	isRoot: boolean;
	trial: boolean;
	preset: boolean;
	/** performance.now() when startTui was called. */
	startedAt: number;
	/** Called once, when the first frame is on the terminal (before the TUI sets its heap flags). */
	onFirstFrame?: () => void;
}

/** Renders the app on the terminal and resolves when it exits. */
export async function mountTui(options: MountOptions): Promise<TuiResult> {
	const mounting = performance.now();
	let firstFrame = true;
	let result: TuiResult = {code: 0};
	// Raw mode before the first frame: a key typed as soon as the checklist shows is read as a key, not as a line
	// the terminal turned Enter into a newline for (Ink itself turns raw mode on only after its first render).
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	// Every screen shows the documents with the secret values the engine knows masked.
	const controller = new MaskedController(options.controller);
	const stopClearingOnGrowth = clearWhenTaller(process.stdout);
	const instance = render(
		<KeyRelay>
			<App
				{...options}
				controller={controller}
				onExit={r => {
					result = r;
				}}
			/>
		</KeyRelay>,
		// Ctrl-C belongs to the screens (it stops a running step); renders are capped at 20 per second.
		{
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 20,
			onRender() {
				// TOMESH_SETUP_TIMING: where the first frame's time goes (ms since the process started), for the bench.
				if (!firstFrame) return;
				firstFrame = false;
				if (process.env.TOMESH_SETUP_TIMING) {
					process.stderr.write(`\ntui timing: ${options.startedAt.toFixed(0)} ms to the TUI, ${mounting.toFixed(0)} ms to Ink loaded, ${performance.now().toFixed(0)} ms to the first frame, ${cpuMs().toFixed(0)} ms CPU\n`);
				}

				options.onFirstFrame?.();
				// The heap flags once the checklist is on screen: before it, a young generation kept small and full
				// collections sooner cost the start ~25 ms of CPU; the walkthrough's code cache is saved under Node's flags.
				preferSmallHeap();
			},
		},
	);
	const stopOnHangUp = onHangUp();
	try {
		await instance.waitUntilExit();
	} finally {
		stopOnHangUp();
		stopClearingOnGrowth();
		// Ink leaves the cursor after the last character of a frame that fills the terminal: what is printed next (the
		// resume line) must start on a line of its own. (A frame that ends with its own line break gets one blank line.)
		if (process.stdout.isTTY) process.stdout.write('\n');
	}

	return result;
}

/**
 * A terminal that grows taller pulls lines of its scrollback back onto the screen, above what Ink draws: a stale
 * line of an earlier frame stood over the breadcrumb. Ink clears the screen only when the terminal gets narrower; when
 * it gets taller the screen is cleared here, before Ink's own resize handler draws the frame again (registered first).
 * Returns what stops it.
 */
function clearWhenTaller(stdout: NodeJS.WriteStream): () => void {
	if (!stdout.isTTY) return () => {};
	let rows = stdout.rows;
	const onResize = () => {
		if (stdout.rows > rows) stdout.write('\u001B[2J\u001B[H');
		rows = stdout.rows;
	};

	stdout.prependListener('resize', onResize);
	return () => stdout.off('resize', onResize);
}

// CPU time (user + system) the process has used so far: on a busy machine steadier than the wall clock.
function cpuMs(): number {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
}
