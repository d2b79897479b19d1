// `u` in the walkthrough, in a real terminal of 80x24 inside the sandbox (the document edits files in /etc): a done
// step's edit is put back byte for byte with its owner and mode and the step is pending again; after a failure, `u`
// removes the file the failed step created.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ExecutionContext} from 'ava';
import {testNeeding} from '../helpers/requirements.js';
import {startSandboxedTui, type SandboxedTui} from '../helpers/sandbox-tmux.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(repo, 'dist/cli.js');
const fixture = path.join(repo, 'test/fixtures/tui/undo.md');
const sandboxTest = testNeeding(['sandbox', 'tmux'], {serial: true});

// Odd bytes on purpose (a comment, trailing spaces, no final newline): a restore that re-serialised the YAML
// would not give them back.
const original = String.raw`# demo settings  \nserver_name: demo.example.org   \nenable_registration: False\ncache_factor: 0.5`;
const setup = `
	mkdir -p /etc/tomesh-demo
	printf '${original}' > /etc/tomesh-demo/settings.yaml
	chmod 640 /etc/tomesh-demo/settings.yaml
	chown 4321:4321 /etc/tomesh-demo/settings.yaml
	sha256sum /etc/tomesh-demo/settings.yaml > /root/original.sha256
`;

async function start(t: ExecutionContext): Promise<SandboxedTui | undefined> {
	if (!existsSync(cli)) {
		t.fail('needs a built CLI (npm run build)');
		return undefined;
	}

	// The state directory lives in the work directory, outside the overlays.
	const tui = await startSandboxedTui(setup, work => [process.execPath, cli, 'run', '--doc', fixture, '--state', path.join(work, 'state')], {cwd: repo});
	t.teardown(async () => {
		await tui.stop();
	});
	return tui;
}

sandboxTest('u on a done step: the diff of what is put back, y, the file byte for byte with owner and mode, the step pending', async t => {
	const tui = await start(t);
	if (!tui) return;
	const {tmux} = tui;
	await tmux.waitFor('Start with Configure the demo › step 1');
	tmux.send(['Enter']);
	await tmux.waitFor('+enable_registration: True');
	tmux.send(['Enter']);
	await tmux.waitFor('step 2 of 3');
	t.regex(await tui.inside('cat /etc/tomesh-demo/settings.yaml'), /enable_registration: True/);
	tmux.send(['Escape']);
	const checklist = await tmux.waitFor(/u\s+undo last step/);
	t.regex(checklist, /Configure the demo 1\/3/);
	tmux.send(['u']);
	const plan = await tmux.waitFor('(y/n)');
	t.regex(plan, /Undo step 1 of Configure the demo/);
	t.regex(plan, /put back \/etc\/tomesh-demo\/settings\.yaml \(mode 640, owner 4321:4321\)/);
	t.regex(plan, /^\s*-enable_registration: True$/m);
	t.regex(plan, /^\s*\+enable_registration: False$/m);
	tmux.send(['y']);
	const after = await tmux.waitFor('Undid step 1');
	t.regex(after, /Configure the demo 0\/3/);
	t.regex(after, /(?:Start with|Resume:) Configure the demo › step 1/);
	t.is((await tui.inside('sha256sum -c /root/original.sha256 && stat -c "%a %u:%g" /etc/tomesh-demo/settings.yaml')).trim(), '/etc/tomesh-demo/settings.yaml: OK\n640 4321:4321');
	t.notRegex(after, /u\s+undo last step/, 'nothing left to undo: the footer no longer offers u');
});

sandboxTest('u after a failure: the file the failed step created is removed and the step shows again, pending', async t => {
	const tui = await start(t);
	if (!tui) return;
	const {tmux} = tui;
	await tmux.waitFor('Start with');
	tmux.send(['Enter']);
	await tmux.waitFor('+enable_registration: True');
	tmux.send(['Enter']);
	await tmux.waitFor('step 2 of 3');
	await tmux.waitFor('+gate=open');
	tmux.send(['Enter']);
	const failed = await tmux.waitFor('Failed (exit code 3)');
	t.regex(failed, /u\s+undo/);
	t.is((await tui.inside('cat /etc/tomesh-demo/gate.conf')).trim(), 'gate=open');
	tmux.send(['u']);
	const plan = await tmux.waitFor('(y/n)');
	t.regex(plan, /remove \/etc\/tomesh-demo\/gate\.conf \(the step created it\)/);
	t.regex(plan, /^\s*-gate=open$/m);
	tmux.send(['y']);
	const step = await tmux.waitFor('Undid step 2');
	t.regex(step, /2\. Create \/etc\/tomesh-demo\/gate\.conf/);
	t.notRegex(step, /\[failed\]|\[done\]/, 'the step is pending again');
	t.is((await tui.inside('test -e /etc/tomesh-demo/gate.conf && echo there || echo gone')).trim(), 'gone');
	// Step 1 is untouched by undoing step 2.
	t.regex(await tui.inside('cat /etc/tomesh-demo/settings.yaml'), /enable_registration: True/);
});
