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
