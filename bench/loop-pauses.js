// Preloaded into the CLI by the big-output bench (NODE_OPTIONS=--import): notes every pause of the event loop longer
// than 20 ms (a key or a resize would have waited that long) with the wall time it ended, and the peak RSS, written to
// $BENCH_PAUSES at exit, so the bench can take the longest pause during the flood. Nothing of it is in the product.
import {readFileSync, writeFileSync} from 'node:fs';

const everyMs = 5;
const pauses = [];
let last = performance.now();
setInterval(() => {
	const now = performance.now();
	if (now - last - everyMs > 20) pauses.push([performance.timeOrigin + now, now - last - everyMs]);
	last = now;
}, everyMs).unref();
process.on('exit', () => {
	const peakRssKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
	writeFileSync(process.env.BENCH_PAUSES, JSON.stringify({pauses, peakRssKiB}));
});
