import {useInput, useStdin, type Key} from 'ink';

/** A key handler. */
export type KeyHandler = (input: string, key: Key) => void;

/**
 * useInput, but only when the terminal supports raw mode: piped or redirected stdin never raises Ink's raw-mode
 * error, the screen simply does not listen.
 */
export function useKeys(handler: KeyHandler, active = true): void {
	const {isRawModeSupported} = useStdin();
	useInput(handler, {isActive: active && isRawModeSupported === true});
}
