// `verify` through the built CLI on a small fixture: the report shapes, exit codes, skips, timeouts, and that
// nothing but checks runs.
import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import type {CheckResult} from '../../source/domain/events.js';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const fixture = fileURLToPath(new URL('../fixtures/acceptance/verify-fixture.md', import.meta.url));
const configure = 'service.configure-service';

async function machine(options: {configured: boolean}) {
	const root = temporaryDirectory('tomesh-verify-');
	const base = path.join(root, 'srv');
	const state = path.join(root, 'state');
	await mkdir(base);
	if (options.configured) await writeFile(path.join(base, 'app.conf'), 'listen 8080\n');
	const verify = async (...extra: string[]) => runCli(['--doc', fixture, '--state', state, '--set', `base=${base}`, ...extra]);
	return {base, state, verify};
}

type Report = {checks: CheckResult[]; summary: {pass: number; fail: number; skip: number}};

test('--json: every check with status and detail; skipped checks do not fail verify', async t => {
	const {verify} = await machine({configured: true});
	const result = await verify('verify', '--json', '--only', configure);
	t.is(result.exitCode, 0, result.stderr);
	const report = JSON.parse(result.stdout) as Report;
	t.deepEqual(report.summary, {pass: 3, fail: 0, skip: 0});
	t.deepEqual(
		report.checks.map(check => [check.step, check.status]),
		[[`${configure}/1`, 'pass'], [`${configure}/2`, 'pass'], [`${configure}/3`, 'pass']],
	);
	for (const check of report.checks) t.deepEqual(Object.keys(check).slice(0, 5), ['runbook', 'step', 'title', 'status', 'detail']);

	const upgrade = JSON.parse((await verify('verify', '--json', '--only', 'service.upgrade-service')).stdout) as Report;
	t.deepEqual(upgrade.summary, {pass: 0, fail: 0, skip: 1});
	t.regex(upgrade.checks[0]!.detail, /parameter release has no value/);
});

test('--verify is verify; the plain report marks each check and exits 1 on a failure', async t => {
	const {verify} = await machine({configured: false});
	const result = await verify('--verify', '--only', configure);
	t.is(result.exitCode, 1);
	t.regex(result.stdout, /^Service › Configure Service\n/);
	t.regex(result.stdout, /\n {2}✔ 1\. .*succeeds: exited 0\n/);
	t.regex(result.stdout, /\n {2}✖ 2\. Create .*app\.conf — .*: file missing: .*app\.conf\n {6}hint: run this step\n/);
	t.regex(result.stdout, /\n2 passed, 1 failed, 0 skipped\ntomesh-setup verify: 2 pass, 1 fail \(Create .*\), 0 skip on \S+ at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
});

test('nothing but checks runs: no command of a step, no file written, no progress saved', async t => {
	const {base, state, verify} = await machine({configured: false});
	const result = await verify('verify', '--timeout', '0.5');
	t.is(result.exitCode, 1);
	t.deepEqual(await readdir(base), [], 'no step command ran and no file was written');
	t.false(existsSync(path.join(state, 'progress-v1.json')));
});

test('--timeout: checks that hang each fail at the timeout, with the reason', async t => {
	const {verify} = await machine({configured: true});
	const result = await verify('verify', '--json', '--only', 'service.wait-for-peers', '--timeout', '0.4');
	t.is(result.exitCode, 1);
	const report = JSON.parse(result.stdout) as Report;
	t.deepEqual(report.checks.map(check => [check.status, check.detail]), [
		['fail', 'timed out after 400 ms'],
		['fail', 'timed out after 400 ms'],
	]);
});
