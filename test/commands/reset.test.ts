import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';

test('reset RUNBOOK forgets that runbook only; reset forgets everything; files stay', async t => {
	const w = workspace(fixture('session'));
	const gate = fixture('gate');
	writeFileSync(path.join(w.work, 'gate'), '');
	t.is((await w.cli(['run', '--yes', '--doc', gate])).exitCode, 0);
	const one = await w.cli(['reset', 'Gated work', '--doc', gate]);
	t.is(one.exitCode, 0, one.stderr);
	t.regex(one.stdout, /forgot the progress of 3 steps of work\.gated-work/);
	const report = JSON.parse((await w.cli(['status', '--json', '--doc', gate])).stdout);
	t.deepEqual(
		report.runbooks.map((runbook: {id: string; done: number}) => [runbook.id, runbook.done]),
		[['work.gated-work', 0], ['work-area.prepare-the-application', 7]],
	);
	t.is((await w.cli(['reset', '--doc', gate])).exitCode, 0);
	const state = JSON.parse(readFileSync(path.join(w.state, 'progress-v1.json'), 'utf8'));
	t.deepEqual([state.steps, state.sessions], [{}, {}]);
	t.is(readFileSync(path.join(w.work, 'app', 'counter.txt'), 'utf8'), 'line=1\n');
});

test('reset of an unknown runbook → exit 2, nothing forgotten', async t => {
	const w = workspace(fixture('session'));
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	const before = readFileSync(path.join(w.state, 'progress-v1.json'), 'utf8');
	const result = await w.cli(['reset', 'nope']);
	t.is(result.exitCode, 2);
	t.regex(result.stderr, /^tomesh-setup: reset: no runbook 'nope'/);
	t.is(readFileSync(path.join(w.state, 'progress-v1.json'), 'utf8'), before);
});
