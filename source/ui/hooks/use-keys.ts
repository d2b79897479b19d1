import {useInput, useStdin, type Key} from 'ink';
import {splitBurst} from '../key-burst.js';

/** A key handler. */
export type KeyHandler = (input: string, key: Key) => void;

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * useInput, but only when the terminal supports raw mode (piped or redirected stdin never raises Ink's raw-mode
 * error, the screen simply does not listen), and every key of a burst read at once reaches the handler on its own
 * (key-burst.ts). Handlers that act on a burst keep what they change in refs: the keys of one burst arrive before
 * React renders again.
 */
export function useKeys(handler: KeyHandler, active = true): void {
	const {isRawModeSupported} = useStdin();
	useInput(
		(input, key) => {
			const burst = splitBurst(input);
			if (!burst) {
				handler(input, key);
				return;
			}

			for (const one of burst) handler(one.input, {...noKey, ...one.key});
		},
		{isActive: active && isRawModeSupported === true},
	);
}
