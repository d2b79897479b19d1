import {silentSeconds, silenceStepMs} from '../../domain/output/silence.js';

/** The time source of a silence watch: the real clock, or a test's. */
export interface Clock {
	now(): number;
	/** Calls `tick` every `ms` until the returned function is called. */
	every(ms: number, tick: () => void): () => void;
}

/** The real clock; its timer never keeps the process alive. */
export const systemClock: Clock = {
	now: () => Date.now(),
	every(ms, tick) {
		const timer = setInterval(tick, ms);
		timer.unref();
		return () => clearInterval(timer);
	},
};

/** A running command's silence watch: `heard()` on each output, `stop()` when it ends. */
export interface SilenceWatch {
	heard(): void;
	stop(): void;
}

// How often the clock is read: a note may come up to this late, and a renewed one never more often than a step.
const pollMs = 1000;

/**
 * Watches a running command's output and calls `onSilence(seconds)` when it has printed nothing for 10 s, then again
 * at 20 s, 30 s… (see domain/output/silence.ts); any output starts the count again.
 */
export function watchSilence(onSilence: (seconds: number) => void, clock: Clock = systemClock): SilenceWatch {
	let last = clock.now();
	let said: number | undefined;
	const stop = clock.every(Math.min(pollMs, silenceStepMs), () => {
		const seconds = silentSeconds(last, clock.now());
		if (seconds === undefined || seconds === said) return;
		said = seconds;
		onSilence(seconds);
	});
	return {
		heard() {
			last = clock.now();
			said = undefined;
		},
		stop,
	};
}
