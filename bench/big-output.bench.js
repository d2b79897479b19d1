// A step that prints 1 GB (10.6 million lines of 100 characters) run from the TUI on a terminal: wall time from
// Enter to the step's end on screen, and the CLI's peak RSS (VmHWM), against the same command run by bash — on the
// same kind of terminal (what the operator would do by hand), and as floors: into /dev/null (nothing reads the output)
// and through `| cat` (the least any reader of the output costs on this machine). Also the longest pause of the TUI's
// event loop during the flood (a key or a resize waits that long; loop-pauses.js) and its RSS before the step. Last, the
// TUI's peak RSS during a step that prints nothing for BENCH_IDLE_S seconds (what the screen alone costs).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {programPid, startOnPty} from './pty.js';
import {operatorEnvironment} from './environment.js';

const bytes = process.env.BENCH_BYTES ?? '1G';
const command = `head -c ${bytes} /dev/zero | tr '\\0' 'x' | fold -w 100`;

function bashMs() {
	const start = performance.now();
	const result = spawnSync('bash', ['-c', `${command} > /dev/null`], {stdio: 'inherit'});
	if (result.status !== 0) throw new Error(`bash exited ${result.status}`);
	return performance.now() - start;
}

// The same command read through a pipe by `cat`: the floor for any program that reads the output (the pipeline writing
// to a pipe instead of /dev/null costs it a core's worth of copies and wake-ups on this 2-core machine).
function bashCatMs() {
	const start = performance.now();
	const result = spawnSync('bash', ['-c', `${command} | cat > /dev/null`], {stdio: 'inherit'});
	if (result.status !== 0) throw new Error(`bash | cat exited ${result.status}`);
	return performance.now() - start;
}

// Bash running the command on a terminal of the TUI's size, the bench reading the terminal as it reads the TUI's.
async function bashOnTerminalMs() {
	const start = performance.now();
	const pty = startOnPty(['bash', '-c', command]);
	const code = await pty.exited;
	if (code !== 0) throw new Error(`bash on a terminal exited ${code}`);
	return performance.now() - start;
}

const preload = `--import=${new URL('loop-pauses.js', import.meta.url).href}`;

function headless(state) {
	const start = performance.now();
	const report = path.join(state, 'headless.json');
	const env = operatorEnvironment({BENCH_BYTES: bytes, TOMESH_SETUP_PROFILE_DIR: state, BENCH_PAUSES: report, NODE_OPTIONS: preload});
	const result = spawnSync(process.execPath, ['dist/cli.js', 'run', '--yes', '--doc', 'bench/fixtures/big-output.md', '--state', path.join(state, 'headless')], {env, stdio: 'ignore'});
	if (result.status !== 0) throw new Error(`run --yes exited ${result.status}`);
	return {ms: performance.now() - start, rssMiB: JSON.parse(readFileSync(report, 'utf8')).peakRssKiB / 1024};
}

function rssKiB(pid, field = 'VmHWM') {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
}

// The TUI runs the one step of `doc`; `alsoHeadless`: then the same step by `run --yes`.
async function tuiRun(doc, alsoHeadless) {
	const state = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-'));
	try {
		const pauses = path.join(state, 'pauses.json');
		const env = operatorEnvironment({BENCH_BYTES: bytes, BENCH_IDLE_S: idleSeconds, TOMESH_SETUP_PROFILE_DIR: state, BENCH_PAUSES: pauses, NODE_OPTIONS: preload});
		const pty = startOnPty([process.execPath, 'dist/cli.js', 'run', '--doc', doc, '--state', path.join(state, 'state')], {env});
		await pty.waitFor('verify all');
		pty.type('\r');
		await pty.waitFor('[root] ');
		pty.clear();
		const program = programPid(pty.child.pid);
		const before = rssKiB(program, 'VmRSS');
		const start = performance.now();
		// Responsiveness: the longest time the screen went without an update while the step ran.
		let last = start;
		let maxGap = 0;
		pty.child.stdout.on('data', () => {
			const now = performance.now();
			maxGap = Math.max(maxGap, now - last);
			last = now;
		});
		pty.type('\r');
		const end = await pty.waitFor('Every step is done', 600_000);
		maxGap = Math.max(maxGap, end - last);
		const rss = rssKiB(program);
		pty.type('q');
		await pty.exited;
		const [from, to] = [performance.timeOrigin + start, performance.timeOrigin + end];
		const loopPause = Math.max(0, ...JSON.parse(readFileSync(pauses, 'utf8')).pauses.filter(([at, ms]) => at >= from && at - ms <= to).map(([, ms]) => ms));
		return {ms: end - start, rssMiB: rss / 1024, beforeMiB: before / 1024, screenBytes: pty.bytes, maxGap, loopPause, headless: alsoHeadless ? headless(state) : undefined};
	} finally {
		rmSync(state, {recursive: true, force: true});
	}
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const idleSeconds = process.env.BENCH_IDLE_S ?? '20';
const bash = [];
const bashCat = [];
const bashTerminal = [];
const tui = [];
const idle = [];
for (let i = 0; i < runs; i++) {
	bash.push(bashMs());
	bashCat.push(bashCatMs());
	bashTerminal.push(await bashOnTerminalMs());
	tui.push(await tuiRun('bench/fixtures/big-output.md', true));
	idle.push(await tuiRun('bench/fixtures/idle-step.md', false));
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const bashMedian = median(bash);
const tuiMedian = median(tui.map(r => r.ms));
const rss = median(tui.map(r => r.rssMiB));
const headlessMedian = median(tui.map(r => r.headless.ms));
const list = values => values.map(v => v.toFixed(0)).join(', ');
const terminalMedian = median(bashTerminal);
process.stdout.write(`big output (${bytes}) by bash on a terminal: median ${terminalMedian.toFixed(0)} ms (${runs} runs)\n`);
process.stdout.write(`big output (${bytes}) by bash > /dev/null: median ${bashMedian.toFixed(0)} ms (nothing reads the output)\n`);
process.stdout.write(`big output (${bytes}) by bash | cat > /dev/null: median ${median(bashCat).toFixed(0)} ms [${list(bashCat)}], ${(median(bashCat) / bashMedian).toFixed(2)}× /dev/null (the least a reader of the output costs)\n`);
process.stdout.write(`big output (${bytes}) in the tui: median ${tuiMedian.toFixed(0)} ms [${list(tui.map(r => r.ms))}] = ${(tuiMedian / terminalMedian).toFixed(2)}× bash on a terminal (target ≤ 1.2×), ${(tuiMedian / median(bashCat)).toFixed(2)}× | cat, ${(tuiMedian / bashMedian).toFixed(2)}× /dev/null\n`);
process.stdout.write(`big output (${bytes}) headless run --yes: median ${headlessMedian.toFixed(0)} ms [${list(tui.map(r => r.headless.ms))}] = ${(headlessMedian / median(bashCat)).toFixed(2)}× bash | cat (target ≤ 1.5×); the tui adds ${(tuiMedian / headlessMedian).toFixed(2)}×; peak rss median ${median(tui.map(r => r.headless.rssMiB)).toFixed(0)} MiB\n`);
process.stdout.write(`big output (${bytes}) tui longest event-loop pause during the flood: median ${median(tui.map(r => r.loopPause)).toFixed(0)} ms [${list(tui.map(r => r.loopPause))}]; longest screen pause ${median(tui.map(r => r.maxGap)).toFixed(0)} ms\n`);
process.stdout.write(`big output (${bytes}) tui peak rss: median ${rss.toFixed(0)} MiB [${list(tui.map(r => r.rssMiB))}] (target ≤ 100 MiB), ${median(tui.map(r => r.beforeMiB)).toFixed(0)} MiB before the step; terminal received ${(median(tui.map(r => r.screenBytes)) / 1024).toFixed(0)} KiB\n`);
process.stdout.write(`idle step (sleep ${idleSeconds}) tui peak rss: median ${median(idle.map(r => r.rssMiB)).toFixed(0)} MiB [${list(idle.map(r => r.rssMiB))}] (target ≤ 100 MiB), ${median(idle.map(r => r.beforeMiB)).toFixed(0)} MiB before the step\n`);
