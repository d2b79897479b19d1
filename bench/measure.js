// Shared by the bench scripts: whole-process timing of a command, median of several runs.
import {spawnSync} from 'node:child_process';
import {operatorEnvironment} from './environment.js';

/**
 * Runs `argv` `runs` times (after one warm-up) and returns the median wall time in milliseconds; by default in the
 * environment sudo gives the CLI (bench/environment.js).
 */
export function medianMs(argv, {runs = 7, env = operatorEnvironment(), cwd, input} = {}) {
	const times = [];
	for (let i = 0; i <= runs; i++) {
		const start = process.hrtime.bigint();
		const result = spawnSync(argv[0], argv.slice(1), {env, cwd, input, stdio: ['pipe', 'ignore', 'pipe']});
		const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
		if (result.status === null) throw new Error(`${argv.join(' ')} was killed by ${result.signal}`);
		if (i > 0) times.push(elapsed);
	}

	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

/** Prints one result line: `label: median N ms (runs)`. */
export function report(label, ms, runs = 7) {
	process.stdout.write(`${label}: median ${ms.toFixed(0)} ms (${runs} runs)\n`);
}

// A fixed amount of plain CPU work in a fresh Node process: 300 million additions in an optimized loop.
const referenceLoop = 'let sum = 0; for (let i = 0; i < 3e8; i++) sum += i; if (sum < 0) console.log(sum);';

/**
 * How fast this machine is right now: the median time of the reference loop (whole process). A virtual machine's
 * speed can change by two times from hour to hour; bench numbers compare only between runs whose reference is alike.
 */
export function machineSpeedLine() {
	const ms = medianMs([process.execPath, '-e', `(() => { ${referenceLoop} })()`], {runs: 3});
	return `machine speed reference (a fixed loop of 3e8 additions, whole process; lower is faster): median ${ms.toFixed(0)} ms (3 runs)\n`;
}
