// Acceptance on a document the tool was not written for (test/fixtures/acceptance/notes-server.md), through the
// built CLI: apply, re-apply, verify, damage, kill -9 mid-step, verify on a machine where nothing was set up.
import {spawnSync} from 'node:child_process';
import {constants, existsSync} from 'node:fs';
import {mkdir, open, readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import type {CheckResult} from '../../source/domain/events.js';
import {runCli, startCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/notes-server.md', import.meta.url));
const runbook = 'set-up-notes-service.install-notes-service';
const stepId = (number: number) => `${runbook}/${number}`;

/** A fresh machine in a temp dir: the service's base directory (not created), a state dir and an unrelated cwd. */
async function machine() {
	const root = temporaryDirectory('tomesh-accept-');
	const base = path.join(root, 'srv');
	const state = path.join(root, 'state');
	const elsewhere = path.join(root, 'elsewhere');
	await mkdir(elsewhere);
	const args = ['--doc', documentPath, '--state', state, '--set', `base=${base}`];
	const cli = async (...command: string[]) => runCli([...command, ...args], {cwd: elsewhere});
	return {root, base, state, elsewhere, args, cli};
}

/** Every file under `directory` with its content and modification time: equal snapshots mean nothing was written. */
async function tree(directory: string): Promise<Record<string, string>> {
	const entries: Record<string, string> = {};
	for (const name of await readdir(directory, {recursive: true})) {
		const file = path.join(directory, name);
		const stats = await stat(file);
		entries[name] = stats.isDirectory() ? `dir` : `${stats.mtimeMs} ${stats.mode.toString(8)} ${await readFile(file, 'utf8')}`;
	}

	return entries;
}

const expectedYaml = 'server_name: notes.example.org\nenable_signup: True\nlog:\n  backup_count: 1\ncache_factor: 0.02\n';

function verifyReport(stdout: string): {checks: CheckResult[]; summary: {pass: number; fail: number; skip: number}} {
	return JSON.parse(stdout);
}

test('run --yes applies every step in the right directory, a second run changes nothing, verify passes', async t => {
	const {base, elsewhere, cli} = await machine();
	await mkdir(base);
	await writeFile(path.join(base, 'import.done'), '');

	const first = await cli('run', '--yes');
	t.is(first.exitCode, 0, `${first.stdout}\n${first.stderr}`);
	t.is(await readFile(path.join(base, 'app/notes.yaml'), 'utf8'), expectedYaml);
	t.is(await readFile(path.join(base, 'app/site.conf'), 'utf8'), `server {\n    listen 8080;\n    server_name notes.example.org;\n    root ${base}/app/public;\n}\n`);
	t.is(await readFile(path.join(base, 'app/state'), 'utf8'), 'started\n');
	t.is(await readFile(path.join(base, 'install.log'), 'utf8'), 'installed\n');
	t.is((await stat(path.join(base, 'bin/notes'))).mode & 0o777, 0o755);
	t.deepEqual(await readdir(elsewhere), [], 'nothing lands in the directory the CLI was started from');

	const before = await tree(base);
	const second = await cli('run', '--yes');
	t.is(second.exitCode, 0, `${second.stdout}\n${second.stderr}`);
	t.deepEqual(await tree(base), before, 'the second run writes nothing');

	const verify = await cli('verify', '--json');
	t.is(verify.exitCode, 0, verify.stdout + verify.stderr);
	const report = verifyReport(verify.stdout);
	t.deepEqual(report.summary, {pass: report.checks.length, fail: 0, skip: 0});
	t.true(report.checks.length >= 7, 'writes, edits, the transcript and the annotated check are all checked');
	t.true(report.checks.some(check => check.step === stepId(10) && check.detail.includes('1.4.2')), 'the transcript is checked');
	t.deepEqual(await tree(base), before, 'verify writes nothing');
});

test('after a file is damaged by hand, verify exits 1 and names that step', async t => {
	const {base, cli} = await machine();
	await mkdir(base);
	await writeFile(path.join(base, 'import.done'), '');
	const run = await cli('run', '--yes');
	t.is(run.exitCode, 0, run.stdout + run.stderr);

	await writeFile(path.join(base, 'app/notes.yaml'), expectedYaml.replace('enable_signup: True', 'enable_signup: False'));
	const json = await cli('verify', '--json');
	t.is(json.exitCode, 1);
	const failed = verifyReport(json.stdout).checks.filter(check => check.status === 'fail');
	t.deepEqual(failed.map(check => check.step), [stepId(6)]);
	t.regex(failed[0]!.detail, /enable_signup: False/);

	const plain = await cli('verify');
	t.is(plain.exitCode, 1);
	t.regex(plain.stdout, /✖ 6\. Enable sign-up for new users.*enable_signup/);
});

test('kill -9 during a long step: the next run --yes finishes the work with no duplicate change', async t => {
	const {base, cli, args, elsewhere} = await machine();
	await mkdir(base);
	const fifo = path.join(base, 'import.fifo');
	t.is(spawnSync('mkfifo', [fifo]).status, 0);

	const {child, done} = startCli(['run', '--yes', ...args], {cwd: elsewhere});
	// Opening the fifo for writing completes only when the step's `cat` opens it: the step is running right now.
	const writer = await Promise.race([open(fifo, 'w'), done.then(result => result)]);
	if (!('fd' in writer)) {
		// The run ended before the step: unblock the pending open, then report.
		await (await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK)).close();
		t.fail(`the run ended before the long step: ${writer.stdout}\n${writer.stderr}`);
		return;
	}

	child.kill('SIGKILL');
	const killed = await done;
	t.is(killed.signal, 'SIGKILL');
	// The import "finishes" after the crash; the orphaned `cat` sees end of file.
	await writeFile(path.join(base, 'import.done'), '');
	await writer.close();

	const resumed = await cli('run', '--yes');
	t.is(resumed.exitCode, 0, resumed.stdout + resumed.stderr);
	t.is(await readFile(path.join(base, 'install.log'), 'utf8'), 'installed\n', 'steps done before the crash are not re-run');
	t.is(await readFile(path.join(base, 'app/notes.yaml'), 'utf8'), expectedYaml, 'no line appended twice');
	t.is(await readFile(path.join(base, 'app/state'), 'utf8'), 'started\n');
	t.is((await cli('verify', '--json')).exitCode, 0);
});

test('verify where nothing was set up: every check reported with a reason, exit 1, nothing changed', async t => {
	const {base, state, cli} = await machine();
	const verify = await cli('verify', '--json');
	t.is(verify.exitCode, 1, verify.stderr);
	const report = verifyReport(verify.stdout);
	t.true(report.checks.length >= 7);
	for (const check of report.checks) {
		t.not(check.status, 'pass', `${check.step} ${check.title}`);
		t.true(check.detail.trim().length > 0, `${check.step} ${check.title} has a reason`);
	}

	t.is(report.summary.fail, report.checks.filter(check => check.status === 'fail').length);
	t.true(report.checks.some(check => /file missing/.test(check.detail)));
	t.false(existsSync(base), 'no directory created');
	t.false(existsSync(path.join(state, 'progress-v1.json')), 'no progress written');

	const plain = await cli('verify');
	t.is(plain.exitCode, 1);
	t.regex(plain.stdout, /✖ 3\. Create .*bin\/notes.*file missing/);
	t.regex(plain.stdout, /\d+ passed, \d+ failed, \d+ skipped\ntomesh-setup verify: \d+ pass, \d+ fail .*, \d+ skip on .*\n$/);
});
