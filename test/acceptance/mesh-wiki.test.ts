// A second unseen-style document: four-space-indented blocks, a relative `printf >` after `cd`, a column-0 block that
// ends the list ("such that the file looks like:"), and a `$` transcript check.
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/mesh-wiki.md', import.meta.url));

test('run --yes, verify, and a second run that changes nothing', async t => {
	const root = temporaryDirectory('tomesh-wiki-');
	const base = path.join(root, 'wiki');
	const args = ['--doc', documentPath, '--state', path.join(root, 'state'), '--set', `base=${base}`];
	const run = await runCli(['run', '--yes', ...args], {cwd: root});
	t.is(run.exitCode, 0, run.stdout + run.stderr);
	t.is(await readFile(path.join(base, 'settings.yaml'), 'utf8'), 'title: Mesh Wiki\nregistration: open\nbackups:\n  keep: 7\nlog_name: meshwiki\n');
	t.is(await readFile(path.join(base, 'wiki.json'), 'utf8'), `{\n    "port": 8090,\n    "data": "${base}/data"\n}\n`);
	t.is((await stat(path.join(base, 'data'))).mode & 0o777, 0o700);

	const verify = await runCli(['verify', '--json', ...args], {cwd: root});
	t.is(verify.exitCode, 0, verify.stdout);
	const report = JSON.parse(verify.stdout) as {summary: {pass: number; fail: number; skip: number}};
	t.deepEqual(report.summary, {pass: 5, fail: 0, skip: 0});

	const before = await readFile(path.join(base, 'settings.yaml'), 'utf8');
	const again = await runCli(['run', '--yes', ...args], {cwd: root});
	t.is(again.exitCode, 0);
	t.is(await readFile(path.join(base, 'settings.yaml'), 'utf8'), before);
});
