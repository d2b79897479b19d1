import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';
import {groupGone} from '../helpers/process-group.js';

async function until(condition: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

test('kill -9 during a long step: the step shows interrupted, the next run re-runs it and finishes with no duplicate', async t => {
	const w = workspace(fixture('long-step'));
	const {child, done} = w.start(['run', '--yes']);
	const pidFile = path.join(w.work, 'step.pid');
	const running = path.join(w.state, 'running.pid');
	// The command can write its pid a moment before the CLI, descheduled right after the fork on a busy machine,
	// records the group id: the kill comes once both are there (the step is then under way, as an operator's would be).
	const saved = () => existsSync(running) && readFileSync(running, 'utf8').endsWith('\n');
	await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n') && saved(), 'the long step to start');
	child.kill('SIGKILL');
	const killed = await done;
	t.is(killed.signal, 'SIGKILL');
	t.true(saved(), 'the step group id is still saved after the kill');
	const stepGroup = Number(readFileSync(running, 'utf8'));
	t.notThrows(() => process.kill(-stepGroup, 0), 'the step outlives the killed CLI');
	const status = await w.cli(['status', '--json']);
	await until(() => groupGone(stepGroup), 'the next start to end the left-over step');
	const steps = JSON.parse(status.stdout).runbooks[0].steps;
	t.is(steps[1].status, 'interrupted');
	t.deepEqual(JSON.parse(status.stdout).resume, {runbook: 'work.slow-work', step: 'work.slow-work/2', status: 'interrupted', rebooted: false});

	writeFileSync(path.join(w.work, 'go-fast'), '');
	const resumed = await w.cli(['run', '--yes']);
	t.is(resumed.exitCode, 0, resumed.stdout + resumed.stderr);
	t.regex(resumed.stdout, /^! work\.slow-work\/2 was interrupted; running it again/m);
	t.regex(resumed.stdout, /▶ work\.slow-work\/2/);
	t.notRegex(resumed.stdout, /▶ work\.slow-work\/1/);
	t.is(readFileSync(path.join(w.work, 'result.txt'), 'utf8'), 'flavour=vanilla\nfinished=yes\n');
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	t.is(readFileSync(path.join(w.work, 'result.txt'), 'utf8'), 'flavour=vanilla\nfinished=yes\n');
});

test('a reboot step asks for the reboot, leaves a reminder, and a new boot id completes it', async t => {
	const w = workspace(fixture('reboot'));
	const first = await w.cli(['run', '--yes']);
	t.is(first.exitCode, 0, first.stdout + first.stderr);
	t.regex(first.stdout, /rebooting/);
	t.true(existsSync(path.join(w.root, 'reboot-requested')));
	const reminder = path.join(w.profile, 'tomesh-setup-resume.sh');
	t.is(readFileSync(reminder, 'utf8').trim().split('\n').length, 1);
	// At login the reminder prints the exact command that continues: same directory, same documents and progress.
	const shown = execFileSync('sh', [reminder], {encoding: 'utf8'});
	t.is(shown, `tomesh-setup: the server rebooted during setup; to continue: cd ${w.root} && tomesh-setup run --yes --state ${w.state} --doc ${fixture('reboot')}\n`);
	t.true(first.stdout.includes(`log in and run: cd ${w.root} && tomesh-setup run --yes`));
	t.false(existsSync(path.join(w.work, 'log.txt')) && readFileSync(path.join(w.work, 'log.txt'), 'utf8').includes('after'));
	const waiting = JSON.parse((await w.cli(['status', '--json'])).stdout);
	t.is(waiting.runbooks[0].steps[1].status, 'awaiting-reboot');

	writeFileSync(w.bootId, 'boot-2\n');
	const status = JSON.parse((await w.cli(['status', '--json'])).stdout);
	t.true(status.rebooted);
	t.is(status.runbooks[0].steps[1].status, 'done');
	t.false(existsSync(reminder), 'the reminder is removed once the reboot is complete');
	const after = await w.cli(['run', '--yes']);
	t.is(after.exitCode, 0, after.stdout + after.stderr);
	t.regex(after.stdout, /▶ kernel\.upgrade-and-reboot\/3/);
	t.regex(after.stdout, /^↻ the server rebooted since the last run \(asked for by kernel\.upgrade-and-reboot\/2\); continuing with kernel\.upgrade-and-reboot\/3$/m);
	t.is(readFileSync(path.join(w.work, 'log.txt'), 'utf8'), 'before=1\nafter=1\n');
});

test('reset while a reboot is pending forgets it and removes the login reminder', async t => {
	const w = workspace(fixture('reboot'));
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	const reminder = path.join(w.profile, 'tomesh-setup-resume.sh');
	t.true(existsSync(reminder));
	t.is((await w.cli(['reset'])).exitCode, 0);
	t.false(existsSync(reminder));
	t.false('reboot' in JSON.parse(readFileSync(path.join(w.state, 'progress-v1.json'), 'utf8')));
});

test('a corrupt state file → exit 2 with one line naming it; the file is kept byte for byte', async t => {
	const w = workspace(fixture('session'));
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	const file = path.join(w.state, 'progress-v1.json');
	const corrupt = readFileSync(file, 'utf8').slice(0, 100);
	writeFileSync(file, corrupt);
	for (const command of [['run', '--yes'], ['status'], ['reset']]) {
		const result = await w.cli(command);
		t.is(result.exitCode, 2, command.join(' '));
		t.is(result.stderr.split('\n').length, 2, result.stderr);
		t.true(result.stderr.includes(file));
		t.regex(result.stderr, /--state DIR/);
		t.is(result.stdout, '');
	}

	t.is(readFileSync(file, 'utf8'), corrupt);
});

test('Ctrl-C (SIGINT) during a headless run stops the step, saves it interrupted and exits 130', async t => {
	const w = workspace(fixture('long-step'));
	const {child, done} = w.start(['run', '--yes']);
	const pidFile = path.join(w.work, 'step.pid');
	await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), 'the long step to start');
	child.kill('SIGINT');
	const result = await done;
	t.is(result.exitCode, 130, result.stdout + result.stderr);
	t.regex(result.stdout, /! work\.slow-work\/2 interrupted/);
	const stepGroup = Number(readFileSync(pidFile, 'utf8'));
	await until(() => !existsSync(`/proc/${stepGroup}`), 'the step process to be gone');
	const report = JSON.parse((await w.cli(['status', '--json'])).stdout);
	t.is(report.runbooks[0].steps[1].status, 'interrupted');
});
