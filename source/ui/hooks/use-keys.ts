import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useContext, useLayoutEffect, useRef} from 'react';
import {splitBurst} from '../key-burst.js';
import {KeyRelayContext} from './key-relay.js';

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
 * React renders again. A key always reaches the handler of the frame on screen: Ink draws a frame when React commits
 * it, but useInput takes a new handler only in an effect run a moment later, and a key typed in between (Enter as
 * soon as a step's preview shows) went to the handler of the frame before. Inside a KeyRelay (the mounted app) a
 * screen listens from the commit that draws it; alone (component tests) through Ink's useInput.
 */
export function useKeys(handler: KeyHandler, active = true): void {
	const {isRawModeSupported} = useStdin();
	const latest = useRef(handler);
	latest.current = handler;
	const listener = useCallback<KeyHandler>((input, key) => {
		const burst = splitBurst(input);
		if (!burst) {
			latest.current(input, key);
			return;
		}

		for (const one of burst) latest.current(one.input, {...noKey, ...one.key});
	}, []);
	const relay = useContext(KeyRelayContext);
	useLayoutEffect(() => {
		if (!relay || !active) return;
		const entry = {current: listener};
		relay.add(entry);
		return () => {
			relay.delete(entry);
		};
	}, [relay, active, listener]);
	useInput(listener, {isActive: !relay && active && isRawModeSupported === true});
}
