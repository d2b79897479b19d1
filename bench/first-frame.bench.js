// First frame of the TUI: time from spawning `tomesh-setup` on a terminal to the checklist on screen, for the
// bundled CLI (dist/) and, as a baseline, the same sources run unbundled through tsx. Shipped runbooks, a state with
// the settings saved (an operator's next start). Every figure includes the harness (a pty through util-linux script),
// timed on its own as well. The floor: a minimal Ink app of the checklist's size, bundled like
// dist/ (same esbuild options and patches), started the same way — what Ink, React and Node cost on this machine.
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

// The CLI on the shipped runbooks. A warm-up start (file cache) also saves the values the shipped runbooks cannot
// default (version, admin password): the measured starts are an operator's next starts, straight to the checklist.
async function cliFrames(argv, environment = operatorEnvironment()) {
	const state = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-'));
	const start = extra => firstFrame([...argv, 'run', ...extra, '--state', path.join(state, 'state')], {env: {...environment, TOMESH_SETUP_PROFILE_DIR: state}});
	try {
		await start(['--set', 'version=v0.18.0', '--set', 'admin_password=bench-only-password']);
		const frames = [];
		for (let i = 0; i < runs; i++) frames.push(await start([]));
		return frames;
	} finally {
		rmSync(state, {recursive: true, force: true});
	}
}

async function floorFrames() {
	const dir = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-ink-'));
	try {
		await build({...bundleOptions, entryPoints: [new URL('fixtures/minimal-ink-app.jsx', import.meta.url).pathname], outdir: dir});
		const argv = [process.execPath, path.join(dir, 'minimal-ink-app.js')];
		await firstFrame(argv);
		const frames = [];
		for (let i = 0; i < runs; i++) frames.push(await firstFrame(argv));
		return frames;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

// What the harness itself adds (util-linux script, the shell that sets the size, the pty): a program that only prints
// the marker.
async function harnessFrames() {
	const frames = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const pty = startOnPty(['/bin/echo', 'verify all']);
		const at = await pty.waitFor('verify all');
		await pty.exited;
		frames.push({wall: at - start});
	}

	return frames;
}

const bundled = report('tui first frame (bundled dist/cli.js)', await cliFrames([process.execPath, 'dist/cli.js']));
report('floor: a minimal Ink app of the same size, bundled the same way', await floorFrames());
report('the harness alone: /bin/echo of the marker on the same pty', await harnessFrames());
// The same starts with every variable of the bench's own shell, for comparison: what they cost is paid before the CLI
// runs a line.
const dropped = droppedNodeVariables();
if (dropped.length > 0) report(`tui first frame with this shell's ${dropped.join(', ')} (sudo drops them)`, await cliFrames([process.execPath, 'dist/cli.js'], process.env));
report('tui first frame (unbundled baseline, tsx source/cli.ts)', await cliFrames([process.execPath, '--import', 'tsx', 'source/cli.ts']));
process.stdout.write(`tui first frame: median ${bundled.toFixed(0)} ms (target ≤ 300 ms)\n`);
