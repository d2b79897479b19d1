import {setFlagsFromString} from 'node:v8';

/**
 * Has V8 favour memory over speed for the rest of the process; called once the TUI's first frame is on screen. Each
 * frame Ink draws is megabytes of garbage, and by default V8 answers with a young generation that doubles up to
 * 2 × 16 MiB and an old one left to grow for many seconds between full collections. On a 1 GB step
 * (bench/big-output.bench.js, running screen at 4 frames a second) the TUI's peak RSS was 128–131 MiB without these
 * flags, 104–111 MiB with either one alone and 90 MiB with both; on a step printing nothing for 20 s, 97 and 84 MiB;
 * before the step, 78 and 71 MiB. The longest event-loop pause during the flood did not grow. A bin started by
 * `#!/usr/bin/env node` cannot pass them itself.
 */
export function preferSmallHeap(): void {
	// Full collections sooner and a young generation that shrinks back; TurboFan also inlines less (a TUI waits on people).
	setFlagsFromString('--optimize-for-size');
	// Keeps the young generation at the size it has now (a few MiB) instead of doubling it under a flood.
	setFlagsFromString('--semi-space-growth-factor=1');
	// With a young generation that small, what a frame allocates outlives it there and ends up in the old one as
	// garbage: marking the old generation once a quarter of the way to its limit, instead of when it nearly reaches
	// it, collects that garbage sooner. Peak RSS through a 1 GB step (VmHWM, three runs each, alternating): 96–98 MiB
	// without this line, 90–93 with 50, 83–84 with 25; the step took as long, for ~0.5 s more CPU (6.0 → 6.5 s).
	setFlagsFromString('--incremental-marking-hard-trigger=25');
}
