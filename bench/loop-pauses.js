// Preloaded into the TUI by the big-output bench (NODE_OPTIONS=--import): notes every pause of the event loop longer
// than 20 ms (a key or a resize would have waited that long) with the wall time it ended, written to $BENCH_PAUSES at
// exit, so the bench can take the longest one during the flood. Nothing of it is in the product.
import {writeFileSync} from 'node:fs';

const everyMs = 5;
const pauses = [];
let last = performance.now();
setInterval(() => {
	const now = performance.now();
	if (now - last - everyMs > 20) pauses.push([performance.timeOrigin + now, now - last - everyMs]);
	last = now;
}, everyMs).unref();
process.on('exit', () => writeFileSync(process.env.BENCH_PAUSES, JSON.stringify(pauses)));
