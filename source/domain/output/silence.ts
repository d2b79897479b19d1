/** A command silent this long gets its first "no output for N s" note. */
export const silenceAfterMs = 10_000;

/** Then the note is renewed every this often (20 s, 30 s…), never more. */
export const silenceStepMs = 10_000;

/**
 * How long, in whole seconds rounded down to a step, a running command has said nothing, given when it last printed
 * (or started) and the time now; undefined while it is under `silenceAfterMs`. Pure: the engine supplies the times.
 */
export function silentSeconds(lastOutputAt: number, now: number): number | undefined {
	const quiet = now - lastOutputAt;
	if (quiet < silenceAfterMs) return undefined;
	return (Math.floor(quiet / silenceStepMs) * silenceStepMs) / 1000;
}

/** The operator's note for a silent command: it is still running, not hung. */
export function silenceText(seconds: number): string {
	return `no output for ${seconds} s (still running)`;
}
