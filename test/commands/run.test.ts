import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';

test('run --yes applies every step in the session directory; a second run changes nothing', async t => {
	const w = workspace(fixture('session'));
	const first = await w.cli(['run', '--yes']);
	t.is(first.exitCode, 0, first.stdout + first.stderr);
	const app = path.join(w.work, 'app');
	t.is(readFileSync(path.join(app, 'greeting.txt'), 'utf8'), `hello from ${app}\n`, 'cwd and exported variables carried between steps');
	t.is(readFileSync(path.join(app, 'settings.yaml'), 'utf8'), 'registration: True\nserver:\n  # the public name\n  name: example\nenabled=yes\n');
	t.regex(first.stdout, /✔ .*\/7 done/);
	const files = () => ['settings.yaml', 'counter.txt', 'greeting.txt'].map(name => readFileSync(path.join(app, name), 'utf8'));
	const before = files();
	const second = await w.cli(['run', '--yes']);
	t.is(second.exitCode, 0);
	t.regex(second.stdout, /nothing to do/);
	t.deepEqual(files(), before);
	const session = JSON.parse(readFileSync(path.join(w.state, 'progress-v1.json'), 'utf8')).sessions['work-area.prepare-the-application'];
	t.is(session.cwd, app);
	t.is(session.env.GREETING, 'hello');
});

test('after a reset every step runs again and still appends no duplicate line', async t => {
	const w = workspace(fixture('session'));
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	t.is((await w.cli(['reset'])).exitCode, 0);
	const again = await w.cli(['run', '--yes']);
	t.is(again.exitCode, 0, again.stderr);
	t.regex(again.stdout, /no change|all done/);
	t.is(readFileSync(path.join(w.work, 'app', 'counter.txt'), 'utf8'), 'line=1\n');
	t.is(readFileSync(path.join(w.work, 'app', 'settings.yaml'), 'utf8').match(/enabled=yes/g)!.length, 1);
});

test('a failing step stops with exit 1 and its output; a new process resumes there with the saved cwd and env', async t => {
	const w = workspace(fixture('gate'));
	const failing = await w.cli(['run', '--yes']);
	t.is(failing.exitCode, 1, failing.stdout + failing.stderr);
	t.regex(failing.stdout, /✖ work\.gated-work\/2 failed \(.*\): exit code 2/);
	t.regex(failing.stdout, /last output:\n {4}ls: cannot access 'gate'/);
	t.false(existsSync(path.join(w.work, 'passed.log')), 'stops at the first failure');
	t.regex(failing.stdout, /^stopped at work\.gated-work\/2: fix the cause, then run again/m);
	writeFileSync(path.join(w.work, 'gate'), '');
	const resumed = await w.cli(['run', '--yes']);
	t.is(resumed.exitCode, 0, resumed.stdout + resumed.stderr);
	t.notRegex(resumed.stdout, /gated-work\/1/, 'the done step is not run again');
	t.is(readFileSync(path.join(w.work, 'entered.txt'), 'utf8'), 'x');
	t.is(readFileSync(path.join(w.work, 'passed.txt'), 'utf8'), 'colour=blue\n');
	t.is(readFileSync(path.join(w.work, 'passed.log'), 'utf8'), 'end=1\n');
});

test('without a terminal and without --yes, run is a usage error', async t => {
	const w = workspace(fixture('session'));
	const result = await w.cli(['run']);
	t.is(result.exitCode, 2);
	t.is(result.stderr.trim(), 'tomesh-setup: no terminal: use --yes to run without asking (or plan / verify)');
	t.false(existsSync(path.join(w.work, 'app')));
});

test('--only with an unknown runbook → exit 2, nothing run', async t => {
	const w = workspace(fixture('session'));
	const result = await w.cli(['run', '--yes', '--only', 'nope']);
	t.is(result.exitCode, 2);
	t.regex(result.stderr, /^tomesh-setup: --only: no runbook 'nope' \(known: work-area\.prepare-the-application\)\n$/);
	t.false(existsSync(path.join(w.work, 'app')));
});

test('--only by title runs that runbook', async t => {
	const w = workspace(fixture('session'));
	const result = await w.cli(['run', '--yes', '--only', 'Prepare the application']);
	t.is(result.exitCode, 0, result.stderr);
	t.true(existsSync(path.join(w.work, 'app', 'greeting.txt')));
});
