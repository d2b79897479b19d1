// The walkthrough as an operator meets it over SSH: the built CLI in tmux at 80x24 and smaller, resized while a step
// runs, keys arriving in bursts, a reboot command that fails, and the terminal closing under a running step.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/tui/terminal.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});

interface Walk {
	work: string;
	tmux: TmuxSession;
	state: string;
}

async function open(t: {teardown: (f: () => Promise<void> | void) => void}, options: {width?: number; height?: number; env?: Record<string, string>; argv?: (state: string) => string[]} = {}): Promise<Walk> {
	const work = temporaryDirectory('tomesh-ssh-');
	const tmux = new TmuxSession();
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	const state = path.join(work, 'state');
	const env = {
		WORK: work,
		TOMESH_SETUP_PROFILE_DIR: path.join(work, 'profile'),
		TOMESH_SETUP_BOOT_ID_FILE: path.join(work, 'boot-id'),
		TOMESH_SETUP_REBOOT_COMMAND: 'echo "System has not been booted with systemd as init system (PID 1). Can\'t operate." >&2; exit 1',
		...options.env,
	};
	await writeFile(env.TOMESH_SETUP_BOOT_ID_FILE, 'boot-1\n');
	tmux.start(options.argv?.(state) ?? [process.execPath, cli, 'run', '--doc', fixture, '--state', state], {cwd: work, env, width: options.width ?? 80, height: options.height ?? 24});
	return {work, tmux, state};
}

function status(walk: Walk): {complete: boolean; runbooks: Array<{steps: Array<{id: string; status: string}>}>} {
	return JSON.parse(execFileSync(process.execPath, [cli, 'status', '--json', '--doc', fixture, '--state', walk.state], {encoding: 'utf8', env: {...process.env, WORK: walk.work}})) as never;
}

async function startFirstStep(walk: Walk): Promise<void> {
	await walk.tmux.waitFor('Start with');
	walk.tmux.send(['Enter']);
	await walk.tmux.waitFor('step 1 of 3');
	await walk.tmux.waitFor('[root] # while');
	walk.tmux.send(['Enter']);
	await waitFor(() => existsSync(path.join(walk.work, 'step.pid')), 'the step to start');
}

tmuxTest('a running step survives any number of resizes: exactly one run of its command', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t);
	await startFirstStep(walk);
	for (const [width, height] of [[80, 20], [60, 20], [160, 48], [80, 24], [70, 12], [80, 24]] as const) {
		walk.tmux.resize(width, height);
		await walk.tmux.waitFor('stop this step');
	}

	await writeFile(path.join(walk.work, 'go'), '');
	await walk.tmux.waitFor('step 2 of 3');
	t.is(readFileSync(path.join(walk.work, 'runs'), 'utf8'), 'run\n', 'the command ran once');
	t.is(status(walk).runbooks[0]!.steps[0]!.status, 'done');
});

tmuxTest('a terminal grown taller mid-step shows no stale line of an earlier frame above the breadcrumb', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const document = path.join(tmpdir(), `tomesh-taller-${process.pid}.md`);
	t.teardown(async () => rm(document, {force: true}));
	await writeFile(document, '# Taller\n\n## Part\n\n### Count\n\n1. Make a folder:\n\n        # mkdir -p "$WORK/site"\n\n2. Count:\n\n        # for i in $(seq 1 12); do echo "line $i"; done; while [ ! -f "$WORK/go" ]; do sleep 0.05; done\n');
	const walk = await open(t, {argv: state => [process.execPath, cli, 'run', '--doc', document, '--state', state]});
	await walk.tmux.waitFor('Start with');
	walk.tmux.send(['Enter']);
	await walk.tmux.waitFor('[root] # mkdir');
	walk.tmux.send(['Enter']);
	await walk.tmux.waitFor('[root] # for');
	walk.tmux.send(['Enter']);
	await walk.tmux.waitFor('line 12');
	// Narrower and shorter than the step's frame (its lines go to the scrollback), then as before: the terminal pulls
	// lines of the scrollback back onto the screen.
	walk.tmux.resize(60, 20);
	await walk.tmux.waitFor(/┌─{58}┐/);
	walk.tmux.resize(80, 24);
	const screen = await walk.tmux.waitFor(/┌─{78}┐/);
	const lines = screen.split('\n');
	const breadcrumb = lines.findIndex(line => line.includes('step 2 of 2'));
	t.true(breadcrumb >= 0, screen);
	// Above it only the action history (✔/✖ lines and what wraps from them), never a line of the output box.
	t.deepEqual(lines.slice(0, breadcrumb).filter(line => /[│┌└]/.test(line)), [], screen);
	await writeFile(path.join(walk.work, 'go'), '');
	await walk.tmux.waitFor('Step 2 done');
});

tmuxTest('two Ctrl-C in one read: the step stops, the TUI quits with 130 and says where to resume', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t);
	await startFirstStep(walk);
	walk.tmux.sendBytes(['03', '03']);
	const screen = await walk.tmux.waitFor('[exit 130]');
	t.regex(screen, /To continue: cd /);
	t.is(status(walk).runbooks[0]!.steps[0]!.status, 'interrupted');
	const pid = Number(readFileSync(path.join(walk.work, 'step.pid'), 'utf8'));
	t.throws(() => process.kill(pid, 0), undefined, 'the step\'s command is gone');
});

tmuxTest('q on the checklist: the resume line is printed on a line of its own, not after the last line of the frame', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	// The shipped runbooks at 80x24: their checklist fills the terminal.
	const walk = await open(t, {argv: state => [process.execPath, cli, 'run', '--state', state, '--set', 'version=v1.0.0', '--set', 'admin_password=a-long-test-password']});
	// With the lint warning and the preflight summary in (they come after the first frame), the frame fills the terminal.
	await walk.tmux.waitFor('outdated instructions');
	await walk.tmux.waitFor(/Preflight: \d+ ok/);
	walk.tmux.send(['q']);
	const screen = await walk.tmux.waitFor('[exit 0]');
	t.regex(screen, /^Progress saved; next: /m);
});

tmuxTest('Ctrl-C stops the step; a second one a moment later quits with 130', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t);
	await startFirstStep(walk);
	walk.tmux.send(['C-c']);
	await walk.tmux.waitFor('Interrupted');
	walk.tmux.send(['C-c']);
	const screen = await walk.tmux.waitFor('[exit 130]');
	t.regex(screen, /To continue:/);
});

tmuxTest('a lost SSH session saves the running step as interrupted and exits 130, its command stopped', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const code = path.join(tmpdir(), `tomesh-ssh-code-${process.pid}`);
	// A parent that survives the hang-up records how the CLI ended (the pane's own shell dies with the terminal). It
	// writes aside and renames, so that the file is never seen empty between its creation and its write.
	const recorder = `process.on('SIGHUP', () => {}); const r = require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), {stdio: 'inherit'}); const fs = require('node:fs'); fs.writeFileSync(${JSON.stringify(`${code}.part`)}, String(r.status ?? r.signal)); fs.renameSync(${JSON.stringify(`${code}.part`)}, ${JSON.stringify(code)});`;
	const walk = await open(t, {argv: state => [process.execPath, '-e', recorder, cli, 'run', '--doc', fixture, '--state', state]});
	t.teardown(async () => rm(code, {force: true}));
	await startFirstStep(walk);
	walk.tmux.hangUp();
	await waitFor(() => existsSync(code), 'the CLI to exit after the hang-up', 15_000);
	t.is(readFileSync(code, 'utf8'), '130');
	t.is(status(walk).runbooks[0]!.steps[0]!.status, 'interrupted');
	const pid = Number(readFileSync(path.join(walk.work, 'step.pid'), 'utf8'));
	t.throws(() => process.kill(pid, 0), undefined, 'the step\'s command is gone');
});

tmuxTest('a reboot command that fails is a failed step with its output and the usual choices, not a reboot', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t);
	await startFirstStep(walk);
	await writeFile(path.join(walk.work, 'go'), '');
	await walk.tmux.waitFor('step 2 of 3');
	// Nothing runs before what it does is on screen: Enter counts once the preview shows.
	await walk.tmux.waitFor('[reboot]');
	walk.tmux.send(['Enter']);
	const ask = await walk.tmux.waitFor('(y/n)');
	t.regex(ask.replaceAll(/\s+/g, ' '), /SSH session will drop/);
	walk.tmux.send(['y']);
	const failed = await walk.tmux.waitFor('Failed (exit code 1)');
	t.regex(failed, /System has not been booted with systemd/);
	t.regex(failed, /m\s+mark done/);
	t.notRegex(failed, /Rebooting/);
	t.is(status(walk).runbooks[0]!.steps[1]!.status, 'failed');
	t.false(existsSync(path.join(walk.work, 'profile', 'tomesh-setup-resume.sh')), 'no login reminder for a reboot that did not happen');
	walk.tmux.send(['q']);
	await walk.tmux.waitFor('[exit 1]');
});

tmuxTest('headless: a failing reboot command fails the run (exit 1), never "rebooting"', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t, {argv: () => ['true']});
	await writeFile(path.join(walk.work, 'go'), '');
	const result = spawnSync(process.execPath, [cli, 'run', '--yes', '--doc', fixture, '--state', walk.state], {
		encoding: 'utf8',
		env: {...process.env, WORK: walk.work, TOMESH_SETUP_PROFILE_DIR: path.join(walk.work, 'profile'), TOMESH_SETUP_BOOT_ID_FILE: path.join(walk.work, 'boot-id'), TOMESH_SETUP_REBOOT_COMMAND: 'echo no systemd >&2; exit 1'},
	});
	t.is(result.status, 1, result.stdout + result.stderr);
	t.regex(result.stdout, /✖ long\.wait-for-the-go\/2 failed .*exit code 1: the reboot command/);
	t.regex(result.stdout, /no systemd/);
	t.notRegex(result.stdout, /rebooting/);
});

tmuxTest('skipped is not done: the checklist and status say so', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const walk = await open(t);
	await walk.tmux.waitFor('Start with');
	walk.tmux.send(['Enter']);
	for (const n of [1, 2, 3]) {
		await walk.tmux.waitFor(`step ${n} of 3`);
		walk.tmux.send(['s']);
	}

	const screen = await walk.tmux.waitFor('skipped: the setup is not complete');
	t.regex(screen, /– Wait for the go 0\/3, 3 skipped/);
	t.notRegex(screen, /✔/);
	const report = status(walk);
	t.false(report.complete);
	const text = execFileSync(process.execPath, [cli, 'status', '--doc', fixture, '--state', walk.state], {encoding: 'utf8', env: {...process.env, WORK: walk.work}});
	t.regex(text, /0\/3 done, 3 skipped/);
	t.regex(text, /\[–\] 1\. /);
	t.regex(text, /Not complete: 3 steps skipped/);
});

tmuxTest('at 60x20 a failure shows its error wrapped, without the internal script path, and where the whole output is', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const failing = path.resolve('test/fixtures/tui/failing.md');
	const walk = await open(t, {width: 60, height: 20, argv: state => [process.execPath, cli, 'run', '--doc', failing, '--state', state]});
	await walk.tmux.waitFor('Start with');
	walk.tmux.send(['Enter']);
	await walk.tmux.waitFor('[root] # nosuchtool');
	walk.tmux.send(['Enter']);
	const screen = await walk.tmux.waitFor('Failed (exit code 127)');
	t.regex(screen, /│ nosuchtool: command not found/);
	t.notRegex(screen, /tomesh-session|wrapper\.sh/);
	t.regex(screen.replaceAll(/\s+/g, ' '), /The whole output is in \S+audit\.log/);
	for (const line of screen.split('\n')) t.true(line.length <= 60, line);
	walk.tmux.send(['o']);
	const output = await walk.tmux.waitFor('output of the last command');
	t.regex(output, /^nosuchtool: command not found$/m);
	walk.tmux.send(['o']);
	await walk.tmux.waitFor('Failed (exit code 127)');
	walk.tmux.send(['q']);
	await walk.tmux.waitFor('[exit 1]');
});
