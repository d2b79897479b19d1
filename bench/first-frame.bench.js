// First frame of the TUI: time from spawning `tomesh-setup` on a terminal to the checklist on screen, for the
// bundled CLI (dist/) and, as a baseline, the same sources run unbundled through tsx. Shipped runbooks, a state with
// the settings and V8's code cache saved (an operator's next start; the first start of a build is timed as well).
// Every figure includes the harness (a pty through util-linux script), timed on its own as well. The floor: a minimal
// Ink app of the checklist's size, bundled like dist/ (same esbuild options and patches), started the same way — what
// Ink, React and Node cost on this machine.
// Every start gets the environment sudo gives the CLI (bench/environment.js), not the bench's own shell.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import {bundleOptions} from '../scripts/bundle-patches.js';
import {droppedNodeVariables, operatorEnvironment} from './environment.js';
import {programPid, startOnPty} from './pty.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);

// CPU time (user + system) a process has used so far: steadier than wall time on a busy machine.
function cpuMs(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

// Wall and CPU milliseconds from spawning `argv` on a pty to `marker` (the last line of the first frame) on screen.
async function firstFrame(argv, {env = operatorEnvironment(), marker = 'verify all'} = {}) {
	const start = performance.now();
	const pty = startOnPty(argv, {env});
	try {
		const at = await pty.waitFor(marker);
		const cpu = cpuMs(programPid(pty.child.pid));
		pty.type('q');
		await pty.exited;
		return {wall: at - start, cpu};
	} catch (error) {
		pty.kill();
		throw error;
	}
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(label, frames) {
	const walls = frames.map(frame => frame.wall).sort((a, b) => a - b);
	const cpu = frames[0].cpu === undefined ? '' : `; cpu to first frame median ${median(frames.map(frame => frame.cpu)).toFixed(0)} ms`;
	process.stdout.write(`${label}: median ${median(walls).toFixed(0)} ms (${frames.length} runs, min ${walls[0].toFixed(0)}, max ${walls.at(-1).toFixed(0)})${cpu}\n`);
	return median(walls);
}

// The CLI on the shipped runbooks, in its own state directory. A warm-up start (file cache) also saves the values
// the shipped runbooks cannot default (version, admin password): the measured starts are an operator's next starts,
// straight to the checklist. Returns one measured start, and what removes the state.
// With `firstStart`, V8's code cache the walkthrough keeps in the state directory is removed before each start: the
// first start of a newly installed build, which compiles everything and saves the cache after its first frame.
function cliStarter(argv, environment = operatorEnvironment(), {firstStart = false} = {}) {
	const state = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-'));
	const start = (extra = []) => {
		if (firstStart) rmSync(path.join(state, 'state', 'code-cache'), {recursive: true, force: true});
		return firstFrame([...argv, 'run', ...extra, '--state', path.join(state, 'state')], {env: {...environment, TOMESH_SETUP_PROFILE_DIR: state}});
	};

	return {warmUp: () => start(['--set', 'version=v0.18.0', '--set', 'admin_password=bench-only-password']), start, done: () => rmSync(state, {recursive: true, force: true})};
}

// The floor: a minimal Ink app bundled like dist/.
async function floorStarter() {
	const dir = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-ink-'));
	await build({...bundleOptions, entryPoints: [new URL('fixtures/minimal-ink-app.jsx', import.meta.url).pathname], outdir: dir});
	const argv = [process.execPath, path.join(dir, 'minimal-ink-app.js')];
	return {warmUp: () => firstFrame(argv), start: () => firstFrame(argv), done: () => rmSync(dir, {recursive: true, force: true})};
}

// What the harness itself adds (util-linux script, the shell that sets the size, the pty): a program that only prints
// the marker.
const harnessStarter = {
	warmUp: async () => undefined,
	async start() {
		const start = performance.now();
		const pty = startOnPty(['/bin/echo', 'verify all']);
		const at = await pty.waitFor('verify all');
		await pty.exited;
		return {wall: at - start};
	},
	done() {},
};

// The compared starts alternate (one of each, then again): this machine's speed drifts within minutes, and starts
// measured one after the other would compare the minutes, not the programs. Every variable of the bench's own shell,
// for comparison: what they cost is paid before the CLI runs a line.
const dropped = droppedNodeVariables();
const starters = [
	['tui first frame (bundled dist/cli.js)', cliStarter([process.execPath, 'dist/cli.js'])],
	['floor: a minimal Ink app of the same size, bundled the same way', await floorStarter()],
	['the harness alone: /bin/echo of the marker on the same pty', harnessStarter],
	['tui first frame, the first start of a build (no code cache yet)', cliStarter([process.execPath, 'dist/cli.js'], operatorEnvironment(), {firstStart: true})],
	...(dropped.length > 0 ? [[`tui first frame with this shell's ${dropped.join(', ')} (sudo drops them)`, cliStarter([process.execPath, 'dist/cli.js'], process.env)]] : []),
];
const frames = starters.map(() => []);
try {
	for (const [, starter] of starters) await starter.warmUp();
	for (let i = 0; i < runs; i++) {
		for (const [index, [, starter]] of starters.entries()) frames[index].push(await starter.start());
	}
} finally {
	for (const [, starter] of starters) starter.done();
}

const [bundled] = starters.map(([label], index) => report(label, frames[index]));
// The unbundled baseline is slower by far: measured on its own.
const baseline = cliStarter([process.execPath, '--import', 'tsx', 'source/cli.ts']);
try {
	await baseline.warmUp();
	const baselineFrames = [];
	for (let i = 0; i < runs; i++) baselineFrames.push(await baseline.start());
	report('tui first frame (unbundled baseline, tsx source/cli.ts)', baselineFrames);
} finally {
	baseline.done();
}

process.stdout.write(`tui first frame: median ${bundled.toFixed(0)} ms (target ≤ 300 ms)\n`);
