import {copyFileSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';
import {temporaryDirectory} from '../helpers/temporary.js';

// A document the test may change: the workspace's own copy of the repair fixture.
function repairWorkspace() {
	const document = path.join(temporaryDirectory('tomesh-repair-'), 'repair.md');
	copyFileSync(fixture('repair'), document);
	return {...workspace(document), document};
}

test('run --repair on a healthy server: nothing to repair, nothing run', async t => {
	const w = repairWorkspace();
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	const notes = statSync(path.join(w.work, 'notes.txt')).mtimeMs;
	const result = await w.cli(['run', '--repair', '--yes']);
	t.is(result.exitCode, 0, result.stdout + result.stderr);
	t.is(result.stdout, 'nothing to repair: every check passes and no done step changed\n');
	t.is(statSync(path.join(w.work, 'notes.txt')).mtimeMs, notes);
});

test('a broken file: run --repair lists its step and the rest of its procedure, --yes runs them and nothing else', async t => {
	const w = repairWorkspace();
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	// Someone edits the site and "reloads" it: the reload step's own check still passes.
	writeFileSync(path.join(w.work, 'site.conf'), 'greeting broken\n');
	writeFileSync(path.join(w.work, 'served.conf'), 'greeting broken\n');
	const notes = statSync(path.join(w.work, 'notes.txt')).mtimeMs;

	const listed = await w.cli(['run', '--repair']);
	t.is(listed.exitCode, 0, listed.stdout + listed.stderr);
	t.regex(listed.stdout, /^to run again \(2\):\n {2}↺ web\.site\/2 Create site\.conf\n {6}check failed: .*site\.conf.*\n {2}↺ web\.site\/3 Reload the site:?\n {6}follows web\.site\/2, which runs again\n/);
	t.regex(listed.stdout, /nothing changed: run again with --yes/);
	t.is(readFileSync(path.join(w.work, 'served.conf'), 'utf8'), 'greeting broken\n', 'listing changes nothing');

	const repaired = await w.cli(['run', '--repair', '--yes']);
	t.is(repaired.exitCode, 0, repaired.stdout + repaired.stderr);
	t.regex(repaired.stdout, /✔ web\.site\/2 done/);
	t.regex(repaired.stdout, /✔ web\.site\/3 done/);
	t.notRegex(repaired.stdout, /▶ web\.(site\/1|notes\/1) /);
	t.regex(repaired.stdout, /repaired: 2 steps run again\n$/);
	t.is(readFileSync(path.join(w.work, 'served.conf'), 'utf8'), 'greeting hello\n');
	t.is(statSync(path.join(w.work, 'notes.txt')).mtimeMs, notes, 'a healthy procedure is left alone');

	const verify = await w.cli(['verify']);
	t.is(verify.exitCode, 0, verify.stdout);
});

test('a step whose text changed since it was done is run again', async t => {
	const w = repairWorkspace();
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	writeFileSync(w.document, readFileSync(w.document, 'utf8').replace('echo "notes"', 'echo "more notes"'));
	const result = await w.cli(['run', '--repair', '--yes']);
	t.is(result.exitCode, 0, result.stdout + result.stderr);
	t.regex(result.stdout, /↺ web\.notes\/1 Write the notes:?\n {6}its text changed since it was done\n/);
	t.is(readFileSync(path.join(w.work, 'notes.txt'), 'utf8'), 'more notes\n');
	t.regex((await w.cli(['status'])).stdout, /^(?!.*changed since done)/s);
});

test('a step that fails while repairing stops the repair with exit 1', async t => {
	const w = repairWorkspace();
	t.is((await w.cli(['run', '--yes'])).exitCode, 0);
	writeFileSync(path.join(w.work, 'served.conf'), 'stale\n');
	// The reload cannot copy any more: the repair stops there.
	writeFileSync(w.document, readFileSync(w.document, 'utf8').replace('# cp site.conf served.conf', '# cp site.conf /nonexistent/served.conf'));
	const result = await w.cli(['run', '--repair', '--yes']);
	t.is(result.exitCode, 1, result.stdout + result.stderr);
	t.regex(result.stdout, /stopped at web\.site\/3/);
});

test('--repair goes with run only: other commands → exit 2 naming the flag', async t => {
	const w = repairWorkspace();
	const result = await w.cli(['verify', '--repair']);
	t.is(result.exitCode, 2);
	t.is(result.stderr, "tomesh-setup: --repair: goes with run only, not 'verify'\n");
});

test('run --repair before anything ran: nothing to repair, the steps not done yet are named', async t => {
	const w = repairWorkspace();
	const result = await w.cli(['run', '--repair', '--yes']);
	t.is(result.exitCode, 0, result.stderr);
	t.is(result.stdout, 'nothing to repair: every check passes and no done step changed (4 steps are not done yet: a plain run does them)\n');
});
