import {readFile, rm, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';

// The built CLI in a real terminal (tmux) on a fixture whose commands stay in a temp dir ($WORK).
const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/tui/walk.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});

async function start(work: string): Promise<TmuxSession> {
	const tmux = new TmuxSession();
	tmux.start([process.execPath, cli, 'run', '--doc', fixture, '--state', path.join(work, 'state')], {cwd: work, env: {WORK: work, EDITOR: 'true'}});
	return tmux;
}

tmuxTest('walk three steps with Enter, quit with q, start again on step four; a failing step retries with r', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-tui-');
	let tmux = await start(work);
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	await tmux.waitFor('Start with Build the site › step 1');
	tmux.send(['Enter']);
	await tmux.waitFor('step 1 of 5');
	await tmux.waitFor('[root] # mkdir -p "$WORK/site"');
	tmux.send(['Enter']);
	// Step 2 previews the file it writes, as a diff, before it runs.
	await tmux.waitFor('step 2 of 5');
	await tmux.waitFor('+hello from the walk');
	t.false(existsSync(path.join(work, 'site/index.txt')), 'nothing written before Enter');
	tmux.send(['Enter']);
	await tmux.waitFor('step 3 of 5');
	await tmux.waitFor('[root] # echo visited >> log.txt');
	tmux.send(['Enter']);
	await tmux.waitFor('step 4 of 5');
	await tmux.waitFor('[root] # test -f');
	t.is(await readFile(path.join(work, 'site/index.txt'), 'utf8'), 'hello from the walk\n');
	t.is(await readFile(path.join(work, 'site/log.txt'), 'utf8'), 'visited\n');
	tmux.send(['q']);
	await tmux.waitFor('[exit 0]');
	tmux.kill();

	tmux = await start(work);
	await tmux.waitFor(/Resume:.*step 4: Open the gate/);
	tmux.send(['Enter']);
	await tmux.waitFor('step 4 of 5');
	await tmux.waitFor('[root] # test -f');
	tmux.send(['Enter']);
	const failed = await tmux.waitFor('Failed (exit code 3)');
	t.true(failed.includes('the gate is closed'), 'the last lines of output are shown');
	t.regex(failed, /r\s+retry/);
	await writeFile(path.join(work, 'allow'), '');
	tmux.send(['r']);
	await tmux.waitFor('step 5 of 5');
	t.pass();
});

tmuxTest('! hands a shell over in the step directory and takes the terminal back when it exits', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-tui-');
	const tmux = await start(work);
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	await tmux.waitFor('Start with');
	tmux.send(['Enter']);
	await tmux.waitFor('[root] # mkdir');
	tmux.send(['Enter']);
	await tmux.waitFor('step 2 of 5');
	await tmux.waitFor('+hello from the walk');
	tmux.send(['!']);
	await tmux.waitFor('Type exit to return');
	tmux.send(['pwd > "$WORK/pwd.txt"; exit', 'Enter'], false);
	await tmux.waitFor('back from the shell (exit 0)');
	t.is((await readFile(path.join(work, 'pwd.txt'), 'utf8')).trim(), path.join(work, 'site'));
	tmux.send(['q']);
	await tmux.waitFor('[exit 0]');
});
