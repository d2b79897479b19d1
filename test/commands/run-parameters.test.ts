import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';

test('a parameter without a value under --yes → exit 2 naming --set; with --set it is used, quoted, and remembered', async t => {
	const w = workspace(fixture('parameter'));
	const missing = await w.cli(['run', '--yes']);
	t.is(missing.exitCode, 2);
	t.is(missing.stderr, 'tomesh-setup: missing parameter value: run with --set greeting_name=…\n');
	t.false(existsSync(path.join(w.work, 'name.txt')));

	const given = await w.cli(['run', '--yes', '--set', 'greeting_name=the $HOME world']);
	t.is(given.exitCode, 0, given.stdout + given.stderr);
	t.is(readFileSync(path.join(w.work, 'name.txt'), 'utf8'), 'hello the $HOME world\n', 'the value is quoted, never expanded');

	rmSync(path.join(w.work, 'name.txt'));
	t.is((await w.cli(['reset'])).exitCode, 0);
	const remembered = await w.cli(['run', '--yes']);
	t.is(remembered.exitCode, 0, remembered.stderr);
	t.is(readFileSync(path.join(w.work, 'name.txt'), 'utf8'), 'hello the $HOME world\n');
});

test('an unknown --set name → exit 2', async t => {
	const w = workspace(fixture('parameter'));
	const result = await w.cli(['run', '--yes', '--set', 'nope=1']);
	t.is(result.exitCode, 2);
	t.regex(result.stderr, /^tomesh-setup: --set: unknown parameter 'nope'/);
});
