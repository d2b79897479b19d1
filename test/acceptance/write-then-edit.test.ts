// A document that creates a YAML file in one step and changes it in the next ones (by prose, by `echo >>`):
// the written file's check must accept the later steps' changes, and only those.
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/write-then-edit.md', import.meta.url));

test('write, edit by prose, append: run --yes, verify passes; a hand change makes verify name the write step', async t => {
	const root = temporaryDirectory('tomesh-write-edit-');
	const base = path.join(root, 'app');
	const args = ['--doc', documentPath, '--state', path.join(root, 'state'), '--set', `base=${base}`];
	const run = await runCli(['run', '--yes', ...args], {cwd: root});
	t.is(run.exitCode, 0, run.stdout + run.stderr);
	const settings = path.join(base, 'settings.yaml');
	t.is(
		await readFile(settings, 'utf8'),
		'server:\n  name: demo.example.org\n# allow sign-ups\nenable_registration: True\ncache_factor: 0.5\nlow_memory: true\n',
	);

	const verify = await runCli(['verify', '--json', ...args], {cwd: root});
	t.is(verify.exitCode, 0, verify.stdout);
	t.is(JSON.parse(verify.stdout).summary.fail, 0);

	await writeFile(settings, (await readFile(settings, 'utf8')).replace('cache_factor: 0.5', 'cache_factor: 9'));
	const damaged = await runCli(['verify', '--json', ...args], {cwd: root});
	t.is(damaged.exitCode, 1);
	const failed = JSON.parse(damaged.stdout).checks.filter((check: {status: string}) => check.status === 'fail');
	t.deepEqual(
		failed.map((check: {step: string}) => check.step),
		['set-up-demo-service.install-demo/3'],
	);
});
