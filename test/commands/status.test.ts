import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';

test('status before any run: every step pending, resume at the first, nothing written', async t => {
	const w = workspace(fixture('gate'));
	const result = await w.cli(['status']);
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /^Gated work \(work\.gated-work\): 0\/3 done$/m);
	t.regex(result.stdout, /^Resume at: work\.gated-work\/1 \(pending\)$/m);
	t.false(existsSync(w.state), 'a read-only command creates nothing');
});

test('status --json after a failure: done/total, the failed step, where to resume', async t => {
	const w = workspace(fixture('gate'));
	t.is((await w.cli(['run', '--yes'])).exitCode, 1);
	const result = await w.cli(['status', '--json']);
	t.is(result.exitCode, 0);
	const report = JSON.parse(result.stdout);
	t.is(report.stateFile, path.join(w.state, 'progress-v1.json'));
	t.false(report.rebooted);
	t.deepEqual(report.resume, {runbook: 'work.gated-work', step: 'work.gated-work/2', status: 'failed', rebooted: false});
	const [runbook] = report.runbooks;
	t.like(runbook, {id: 'work.gated-work', title: 'Gated work', done: 1, total: 3});
	t.deepEqual(runbook.steps.map((step: {status: string}) => step.status), ['done', 'failed', 'pending']);
	t.is(runbook.steps[1].exitCode, 2);
});

test('a step whose text changed since it was done is shown as changed', async t => {
	const w = workspace(fixture('session'));
	const copy = path.join(w.root, 'gate.md');
	writeFileSync(copy, readFileSync(fixture('gate'), 'utf8'));
	writeFileSync(path.join(w.work, 'gate'), '');
	const run = await w.cli(['run', '--yes', '--doc', copy]);
	t.is(run.exitCode, 0, run.stderr);
	writeFileSync(copy, readFileSync(copy, 'utf8').replace('export COLOUR=blue', 'export COLOUR=red'));
	const report = JSON.parse((await w.cli(['status', '--json', '--doc', copy])).stdout);
	const gated = report.runbooks.find((runbook: {id: string}) => runbook.id === 'work.gated-work');
	t.deepEqual(gated.steps.map((step: {changed: boolean}) => step.changed), [true, false, false]);
});
