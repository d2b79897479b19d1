import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {workspace} from '../commands/engine-workspace.js';
import {runCli} from '../helpers/run-cli.js';
import {leaks, secretParameter, secretsFixture} from '../helpers/secrets.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/write-then-edit.md', import.meta.url));

test('run --yes leaves a record that reads like the document carried out; status --record prints its path', async t => {
	const root = temporaryDirectory('tomesh-record-');
	const base = path.join(root, 'app');
	const args = ['--doc', documentPath, '--state', path.join(root, 'state'), '--set', `base=${base}`];
	const none = await runCli(['status', '--record', ...args], {cwd: root});
	t.is(none.exitCode, 1);
	t.regex(none.stderr, /no as-run record yet/);
	t.is((await runCli(['run', '--yes', ...args], {cwd: root})).exitCode, 0);

	const printed = await runCli(['status', '--record', ...args], {cwd: root});
	t.is(printed.exitCode, 0, printed.stderr);
	const file = printed.stdout.trim();
	t.is(path.dirname(file), path.join(root, 'state', 'runs'));
	t.regex(path.basename(file), /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.md$/);
	t.is(statSync(file).mode & 0o777, 0o600);
	const record = readFileSync(file, 'utf8');
	t.regex(record, /^# As run: demo\.example\.org Chat\n/);
	// The steps in order, by their titles.
	const titles = [...record.matchAll(/^## (\d+)\. (.*)$/gm)].map(match => `${match[1]} ${match[2]}`);
	t.deepEqual(titles.map(title => title.split(' ')[0]), ['1', '2', '3', '4', '5', '6', '7', '8']);
	t.regex(record, /## 3\. Create settings\.yaml\n/);
	// Commands as they ran, with the parameter filled in.
	t.true(record.includes(`  \`\`\`sh\n  mkdir -p ${base}\n  \`\`\``));
	t.regex(record, /```sh\n {2}touch ready\.flag\n/);
	// The diffs applied, and the check results.
	t.regex(record, /```diff\n[^`]*-enable_registration: False\n {2}\+enable_registration: True\n/);
	t.regex(record, /\+low_memory: true\n/);
	t.regex(record, /- ✔ `echo hello` prints the expected output — pass/);
	t.regex(record, /done by hand, confirmed by \S+ \(--yes: without asking\)/);
	t.is(record.match(/\*\*Result: done\*\*/g)?.length, 8);
});

test('the record of the secrets document shows no secret', async t => {
	const space = workspace(secretsFixture);
	const run = await space.cli(['run', '--yes', '--set', `${secretParameter.name}=${secretParameter.value}`]);
	t.is(run.exitCode, 1, run.stdout + run.stderr);
	const file = (await space.cli(['status', '--record'])).stdout.trim();
	const record = readFileSync(file, 'utf8');
	t.regex(record, /FAILED/);
	t.regex(record, /sshpass -p \*{8} ssh/);
	t.deepEqual(leaks(record), []);
});
