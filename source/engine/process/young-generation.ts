import {setFlagsFromString} from 'node:v8';

let kept = false;

/**
 * Stops V8 from growing its young generation from now on; called once a command floods output. Every chunk of output
 * is garbage a moment after it arrives, yet the bits still alive at each scavenge make V8 grow the young generation
 * to 3 × 16 MiB, which is most of what a step printing a gigabyte would add to the process (peak RSS ~125 MiB instead
 * of ~80). Scavenges of a small young generation holding little that survives cost next to nothing.
 */
export function keepYoungGenerationSmall(): void {
	if (kept) return;
	kept = true;
	try {
		setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// Not a V8 that knows the flag: the process is only bigger.
	}
}
