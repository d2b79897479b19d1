/** Polling helpers for UI tests: wait for a condition with a deadline, never a fixed sleep. */

/** Resolves once `condition()` is truthy; rejects after `timeoutMs` with `what` and the last value seen. */
export async function waitFor<T>(condition: () => T, what: string, timeoutMs = 15_000, describe?: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = condition();
		if (value) {
			// Let React flush the effects of the frame just seen (input handlers are re-bound there).
			await new Promise(resolve => setImmediate(resolve));
			return value;
		}

		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${describe ? `\n--- last seen ---\n${describe()}` : ''}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** Waits until the frame contains `text`. */
export async function waitForFrame(lastFrame: () => string | undefined, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
	return waitFor<string | undefined>(
		() => {
			const frame = lastFrame() ?? '';
			return (typeof text === 'string' ? frame.includes(text) : text.test(frame)) ? frame : undefined;
		},
		`a frame with ${String(text)}`,
		timeoutMs,
		() => lastFrame() ?? '',
	) as Promise<string>;
}

/** Keys as a terminal sends them. */
export const keys = {enter: '\r', escape: '\u001B', down: '\u001B[B', up: '\u001B[A', ctrlC: '\u0003', backspace: '\u007F'};
