// The as-run record of a walkthrough in a real terminal: what an auditor reads in <logDir>/runs/*.md after an
// operator ran, skipped, failed and marked done steps with the keys: the document's titles and numbers in order, the
// commands as they ran, the diff applied, the output of the failure, and who skipped and who confirmed.
import {existsSync} from 'node:fs';
import {readdir, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/tui/walk.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});

tmuxTest('a walkthrough leaves a record that reads like the document: titles, commands, diff, output, skips, confirmations', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-tui-record-');
	const tmux = new TmuxSession();
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	tmux.start([process.execPath, cli, 'run', '--doc', fixture, '--state', path.join(work, 'state')], {cwd: work, env: {WORK: work, USER: 'ana'}, width: 80, height: 24});
	await tmux.waitFor('Start with Build the site › step 1');
	tmux.send(['Enter']);
	await tmux.waitFor('[root] # mkdir -p "$WORK/site"');
	tmux.send(['Enter']);
	await tmux.waitFor('+hello from the walk', 20_000);
	tmux.send(['Enter']);
	await tmux.waitFor('[root] # echo visited >> log.txt', 20_000);
	tmux.send(['s']);
	await tmux.waitFor('[root] # echo gate open', 20_000);
	tmux.send(['Enter']);
	await tmux.waitFor('Failed (exit code 3)', 20_000);
	tmux.send(['m']);
	await tmux.waitFor('[root] # echo finished > done.txt', 20_000);
	tmux.send(['Enter']);
	await tmux.waitFor('skipped: the setup is not complete', 20_000);
	tmux.send(['q']);
	await tmux.waitFor('[exit 0]');

	const runs = path.join(work, 'state', 'runs');
	const files = await readdir(runs);
	t.is(files.length, 1);
	const record = await readFile(path.join(runs, files[0]!), 'utf8');
	t.regex(record, /^# As run: TUI walk fixture\n\nStarted \S+ on \S+ by ana\.\n/);
	const headings = [...record.matchAll(/^## (.*)$/gm)].map(match => match[1]);
	t.deepEqual(headings, ['1. Create the site directory and enter it', '2. Create index.txt', '3. Record the visit with echo visited >> log.txt', '4. Open the gate', '4. Open the gate', '5. Finish with echo finished > done.txt']);
	t.true(record.includes('  ```sh\n  mkdir -p "$WORK/site"\n  ```'), 'the command as it ran');
	t.regex(record, /```diff\n(?: {2}.*\n)* {2}\+hello from the walk\n/, 'the diff applied');
	t.regex(record, /`site\.build-the-site\/3` — Skipped by ana at /);
	t.regex(record, /Output:\n\n {2}```text\n {2}the gate is closed: create .*\/allow\n {2}```\n\n {2}→ FAILED, exit 3/);
	t.regex(record, /\*\*Result: FAILED\*\*/);
	t.regex(record, /`site\.build-the-site\/4` — Marked done by ana at /);
	t.regex(record, /echo finished > done\.txt\n {2}```\n\n {2}→ ok, exit 0/);
	t.is(record.match(/\*\*Result: done\*\*/g)?.length, 3);
});
