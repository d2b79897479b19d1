// A secret never appears in any sink: the built CLI runs the 22-secret fixture, then each sink is searched for every
// secret value. Over-masking stays small: the runbook id, which contains "secrets", is shown as it is.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {workspace} from '../commands/engine-workspace.js';
import type {CliResult} from '../helpers/run-cli.js';
import {leaks, secretParameter, secretsFixture} from '../helpers/secrets.js';

const space = workspace(secretsFixture);
const set = ['--set', `${secretParameter.name}=${secretParameter.value}`];
const runbookId = 'manage-secrets.prepare-and-use-them';
let run: CliResult;

test.before(async () => {
	run = await space.cli(['run', '--yes', ...set]);
});

const output = (result: CliResult) => `${result.stdout}${result.stderr}`;
const stateFiles = () =>
	readdirSync(space.state, {recursive: true, encoding: 'utf8'})
		.map(name => path.join(space.state, name))
		.filter(file => statSync(file).isFile());

test('run --yes: the diffs, the step lines and the failure tail show no secret', t => {
	t.is(run.exitCode, 1, output(run));
	t.regex(run.stdout, /last output:/);
	t.regex(run.stdout, /Authorization: Bearer \*{8}/);
	t.deepEqual(leaks(output(run)), []);
});

test('the audit log shows no secret, and the runbook id with "secrets" in it whole', t => {
	const log = readFileSync(path.join(space.state, 'audit.log'), 'utf8');
	t.regex(log, /run as root: sshpass -p \*{8} ssh/);
	t.deepEqual(leaks(log), []);
	t.true(log.split('\n').filter(Boolean).every(line => line.includes(` ${runbookId}/`)), 'each entry names its step in full');
	t.regex(log, new RegExp(`step 1 of ${runbookId.replaceAll('.', String.raw`\.`)}: Create the work area`));
});

test('the saved state holds no secret; the secret parameter and the exported token are kept apart, 0600', t => {
	const files = stateFiles().filter(file => !file.includes(`${path.sep}backups${path.sep}`) && path.basename(file) !== 'secrets-v1.json');
	t.true(files.some(file => file.endsWith('progress-v1.json')));
	t.deepEqual(leaks(files.map(file => readFileSync(file, 'utf8')).join('\n')), []);
	const secrets = path.join(space.state, 'secrets-v1.json');
	t.is(statSync(secrets).mode & 0o777, 0o600);
	t.deepEqual(leaks(readFileSync(secrets, 'utf8')), [secretParameter.value, 'ExportedTok-0017']);
});

test('the next run still has the secret parameter and the exported token, without --set', async t => {
	const again = await space.cli(['run', '--yes']);
	t.is(again.exitCode, 1, output(again));
	t.notRegex(output(again), /missing parameter/);
	t.deepEqual(leaks(output(again)), []);
});

for (const command of [['plan'], ['plan', '--json'], ['status'], ['status', '--json'], ['verify'], ['verify', '--json']]) {
	test(`${command.join(' ')} shows no secret`, async t => {
		const result = await space.cli([...command, ...set]);
		t.not(result.exitCode, 2, output(result));
		t.deepEqual(leaks(output(result)), []);
		// The runbook is named whole (its id, or its title where the report uses titles).
		t.regex(output(result), /manage-secrets\.prepare-and-use-them|Prepare and use them/);
	});
}
