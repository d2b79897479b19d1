/**
 * Keeps the TUI's memory flat while a step prints a flood of output. Every line is garbage a moment after it
 * arrives, but V8 lets its old space grow far past what is live before it collects; a full collection now and
 * then (at most four times a second, only while output pours in) keeps the peak near the live size.
 */
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

let collect: (() => void) | undefined | null;

function collector(): (() => void) | null {
	if (collect === undefined) {
		try {
			setFlagsFromString('--expose-gc');
			collect = runInNewContext('gc') as () => void;
		} catch {
			collect = null;
		}
	}

	return collect;
}

/** Runs a full garbage collection when the runtime allows it; otherwise does nothing. */
export function trimHeap(): void {
	collector()?.();
}
