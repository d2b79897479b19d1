import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/tui/walk.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});

async function workDir(t: {teardown: (f: () => Promise<void>) => void}): Promise<string> {
	const work = temporaryDirectory('tomesh-tui-');
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	return work;
}

tmuxTest('NO_COLOR at 60 columns: no colour sequences, every line fits', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = await workDir(t);
	const tmux = new TmuxSession();
	t.teardown(() => tmux.kill());
	tmux.start([process.execPath, cli, 'run', '--doc', fixture, '--state', path.join(work, 'state')], {env: {WORK: work, NO_COLOR: '1'}, width: 60});
	await tmux.waitFor('Start with');
	tmux.send(['Enter']);
	await tmux.waitFor('[root] # mkdir');
	const styled = tmux.capture(true);
	t.notRegex(styled, /\u001B\[[\d;]*m/, 'no SGR colour or style sequence');
	const screen = tmux.capture();
	t.regex(screen, /step 1 of 5/);
	t.regex(screen, /q\s+quit/, 'the footer wraps instead of being cut');
	for (const line of screen.split('\n')) t.true(line.length <= 60, line);
});

tmuxTest('verify on a terminal shows the report grouped by runbook and exits with its code', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = await workDir(t);
	const tmux = new TmuxSession();
	t.teardown(() => tmux.kill());
	tmux.start([process.execPath, cli, 'verify', '--doc', fixture, '--state', path.join(work, 'state')], {env: {WORK: work}});
	const screen = await tmux.waitFor(/\d+ passed, \d+ failed, \d+ skipped/);
	t.regex(screen, /Build the site/);
	t.regex(screen, /✖/);
	tmux.send(['q']);
	await tmux.waitFor('[exit 1]');
	t.false(existsSync(path.join(work, 'site')), 'verify changed nothing');
});

test('without a terminal (| cat) the commands print plain lines, never a raw-mode error', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = await workDir(t);
	const result = spawnSync(process.execPath, [cli, 'verify', '--doc', fixture, '--state', path.join(work, 'state')], {
		encoding: 'utf8',
		env: {...process.env, WORK: work},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	t.is(result.status, 1);
	t.notRegex(result.stderr + result.stdout, /raw mode/i);
	t.notRegex(result.stdout, /\u001B\[\?25l/, 'no cursor hiding: Ink was not started');
});
