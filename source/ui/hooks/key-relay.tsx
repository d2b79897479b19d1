import {useInput, useStdin, type Key} from 'ink';
import {createContext, useState, type ReactNode} from 'react';

/** A screen's key listener as registered with the relay: the current one is called. */
export interface RelayedListener {
	current: (input: string, key: Key) => void;
}

/** The listeners of the screens on show, when the app is mounted inside a KeyRelay. */
export const KeyRelayContext = createContext<Set<RelayedListener> | undefined>(undefined);

/**
 * One key listener for the whole app, mounted once, passing every key to the screens' listeners. A screen that has
 * just appeared registers in a layout effect, in the same commit that draws it; with Ink's own useInput it listened
 * only from a passive effect run a moment later, and a key typed in between (`u` as soon as the checklist is back)
 * reached nobody.
 */
export function KeyRelay({children}: {children: ReactNode}) {
	const {isRawModeSupported} = useStdin();
	const [listeners] = useState(() => new Set<RelayedListener>());
	useInput(
		(input, key) => {
			// A copy: a screen mounted by this key does not receive it as well.
			for (const listener of [...listeners]) listener.current(input, key);
		},
		{isActive: isRawModeSupported === true},
	);
	return <KeyRelayContext.Provider value={listeners}>{children}</KeyRelayContext.Provider>;
}
