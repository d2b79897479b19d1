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
	timeoutMs?: number;
}

/** Renders the app on the terminal and resolves when it exits. */
export async function mountTui(options: MountOptions): Promise<TuiResult> {
	let result: TuiResult = {code: 0};
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
