import {chmodSync, chownSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/write-then-edit.md', import.meta.url));
const step = (number: number) => `set-up-demo-service.install-demo/${number}`;

async function ranWorkspace() {
	const root = temporaryDirectory('tomesh-undo-cli-');
	const base = path.join(root, 'app');
	const args = ['--doc', documentPath, '--state', path.join(root, 'state'), '--set', `base=${base}`];
	const cli = async (extra: string[]) => runCli([...extra, ...args], {cwd: root});
	const run = await cli(['run', '--yes']);
	return {root, base, cli, run, settings: path.join(base, 'settings.yaml')};
}

test('undo of an edit step: refused while a later step changed the file; then put back byte for byte, step pending', async t => {
	const w = await ranWorkspace();
	t.is(w.run.exitCode, 0, w.run.stdout + w.run.stderr);
	const before = readFileSync(w.settings);
	// Owner and mode as someone set them after the run: the undo puts back those the step found.
	chmodSync(w.settings, 0o600);
	if (process.getuid?.() === 0) chownSync(w.settings, 4321, 4321);

	const refused = await w.cli(['undo', step(4), '--yes']);
	t.is(refused.exitCode, 2);
	t.is(refused.stderr, `tomesh-setup: ${step(5)} changed ${w.settings} after ${step(4)}: undo ${step(5)} first\n`);
	t.deepEqual(readFileSync(w.settings), before);

	const noTerminal = await w.cli(['undo', step(5)]);
	t.is(noTerminal.exitCode, 2);
	t.regex(noTerminal.stderr, /^tomesh-setup: .*use --yes to undo without asking\n$/);

	const five = await w.cli(['undo', step(5), '--yes']);
	t.is(five.exitCode, 0, five.stderr);
	t.regex(five.stdout, /-low_memory: true\n/);
	const four = await w.cli(['undo', step(4), '--yes']);
	t.is(four.exitCode, 0, four.stderr);
	t.regex(four.stdout, /-enable_registration: True\n\+enable_registration: False\n/);
	t.is(readFileSync(w.settings, 'utf8'), 'server:\n  name: demo.example.org\n# allow sign-ups\nenable_registration: False\ncache_factor: 0.5\n');
	const info = statSync(w.settings);
	t.is(info.mode & 0o777, 0o644);
	if (process.getuid?.() === 0) t.deepEqual([info.uid, info.gid], [0, 0]);

	const status = JSON.parse((await w.cli(['status', '--json'])).stdout);
	const statuses = Object.fromEntries(status.runbooks[0].steps.map((item: {id: string; status: string}) => [item.id, item.status]));
	t.deepEqual([statuses[step(3)], statuses[step(4)], statuses[step(5)]], ['done', 'pending', 'pending']);
	// Run again: the undone steps are carried out again, and only they.
	const again = await w.cli(['run', '--yes']);
	t.is(again.exitCode, 0, again.stdout);
	t.deepEqual(readFileSync(w.settings), before);
});

test('undo of a step that created a file removes it; a missing backup copy is refused in one line', async t => {
	const w = await ranWorkspace();
	const created = await w.cli(['undo', step(6), '--yes']);
	t.is(created.exitCode, 0, created.stderr);
	t.regex(created.stdout, /remove .*app\.conf \(the step created it\)/);
	t.throws(() => statSync(path.join(w.base, 'app.conf')));

	const objects = path.join(w.root, 'state', 'backups', 'objects');
	for (const name of (await import('node:fs')).readdirSync(objects)) rmSync(path.join(objects, name));
	const missing = await w.cli(['undo', step(5), '--yes']);
	t.is(missing.exitCode, 2);
	t.regex(missing.stderr, /^tomesh-setup: the backup of .*settings\.yaml \(objects\/[\da-f]{64}\) is missing: cannot put it back\n$/);
	t.regex(readFileSync(w.settings, 'utf8'), /low_memory: true/);
});

test('undo without a step, or of an unknown one: exit 2 in one line', async t => {
	const root = temporaryDirectory('tomesh-undo-cli-');
	const none = await runCli(['undo', '--yes', '--doc', documentPath, '--state', path.join(root, 'state')], {cwd: root});
	t.is(none.exitCode, 2);
	t.regex(none.stderr, /^tomesh-setup: .*undo takes the id of a step/);
	const unknown = await runCli(['undo', 'nope', '--yes', '--doc', documentPath, '--state', path.join(root, 'state')], {cwd: root});
	t.is(unknown.exitCode, 2);
	t.regex(unknown.stderr, /unknown step 'nope'/);
});
