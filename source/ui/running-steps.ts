/**
 * The steps the TUI is running now, so that a hang-up (the SSH session lost) can stop them and wait until each is
 * saved as interrupted before the process exits. Kept outside React: the screens may never render again.
 */
const running = new Map<symbol, {abort: () => void; ended: Promise<unknown>}>();

/** Registers a running step; returns the function that forgets it once it has ended. */
export function trackRunningStep(abort: () => void, ended: Promise<unknown>): () => void {
	const id = Symbol('step');
	running.set(id, {abort, ended});
	return () => running.delete(id);
}

/** Stops every running step and resolves once each has ended (its progress saved). */
export async function stopRunningSteps(): Promise<void> {
	const all = [...running.values()];
	for (const step of all) step.abort();
	await Promise.allSettled(all.map(async step => step.ended));
}
