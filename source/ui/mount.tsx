import process from 'node:process';
import {render} from 'ink';
import type {Controller} from '../engine/controller-types.js';
import {App, type TuiResult} from './app.js';

/** What the TUI is started with. */
export interface MountOptions {
	controller: Controller;
	mode: 'run' | 'verify';
	only: boolean;
	isRoot: boolean;
	trial: boolean;
	preset: boolean;
	timeoutMs?: number;
}

/** Renders the app on the terminal and resolves when it exits. */
export async function mountTui(options: MountOptions): Promise<TuiResult> {
	let result: TuiResult = {code: 0};
	// Raw mode before the first frame: a key typed as soon as the checklist shows is read as a key, not as a line
	// the terminal turned Enter into a newline for (Ink itself turns raw mode on only after its first render).
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const instance = render(
		<App
			{...options}
			onExit={r => {
				result = r;
			}}
		/>,
		// Ctrl-C belongs to the screens (it stops a running step); renders are capped at 20 per second.
		{exitOnCtrlC: false, patchConsole: false, maxFps: 20},
	);
	await instance.waitUntilExit();
	return result;
}
