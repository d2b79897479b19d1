import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useRef} from 'react';

/** A key handler. */
export type KeyHandler = (input: string, key: Key) => void;

/**
 * useInput, but only when the terminal supports raw mode: piped or redirected stdin never raises Ink's raw-mode
 * error, the screen simply does not listen. A key always reaches the handler of the frame on screen: Ink draws a frame
 * when React commits it, but useInput takes a new handler only in an effect run a moment later, and a key typed in
 * between (Enter as soon as a step's preview shows) went to the handler of the frame before.
 */
export function useKeys(handler: KeyHandler, active = true): void {
	const {isRawModeSupported} = useStdin();
	const latest = useRef(handler);
	latest.current = handler;
	const listener = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
	useInput(listener, {isActive: active && isRawModeSupported === true});
}
