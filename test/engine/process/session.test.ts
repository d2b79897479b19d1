import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runInSession} from '../../../source/engine/process/session.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

test('cd and export carry over to the next command; volatile variables are not kept', async t => {
	const directory = temporaryDirectory('tomesh-session-test-');
	const first = await runInSession({cwd: directory, env: {}}, {command: 'mkdir -p app && cd app\nexport GREETING="hello world"'});
	t.is(first.result.exitCode, 0);
	t.is(first.session.cwd, path.join(directory, 'app'));
	t.deepEqual(first.session.env, {GREETING: 'hello world'});
	let printed = '';
	const second = await runInSession(first.session, {command: 'echo "$GREETING in $(pwd)"', onOutput: (_stream, text) => (printed += text)});
	t.is(printed, `hello world in ${path.join(directory, 'app')}\n`);
	t.deepEqual(second.session, first.session);
});

test('source ./bin/activate changes PATH and VIRTUAL_ENV for later commands; unset removes', async t => {
	const directory = temporaryDirectory('tomesh-session-test-');
	mkdirSync(path.join(directory, 'bin'));
	writeFileSync(path.join(directory, 'bin', 'activate'), `export VIRTUAL_ENV=${directory}\nexport PATH="$VIRTUAL_ENV/bin:$PATH"\n`);
	writeFileSync(path.join(directory, 'bin', 'hello-tool'), '#!/bin/sh\necho from the venv\n', {mode: 0o755});
	const activated = await runInSession({cwd: directory, env: {}}, {command: 'source ./bin/activate'});
	t.is(activated.session.env.VIRTUAL_ENV, directory);
	t.true(activated.session.env.PATH!.startsWith(`${directory}/bin:`));
	let printed = '';
	const used = await runInSession(activated.session, {command: 'cd / && hello-tool', onOutput: (_stream, text) => (printed += text)});
	t.is(printed, 'from the venv\n');
	t.is(used.session.cwd, '/');
	const unset = await runInSession(used.session, {command: 'unset VIRTUAL_ENV'});
	t.false('VIRTUAL_ENV' in unset.session.env);
});

test('a failing line stops the command and its exit code is kept; the session up to there is kept', async t => {
	const directory = temporaryDirectory('tomesh-session-test-');
	const ran = await runInSession({cwd: directory, env: {}}, {command: 'export A=1\nfalse\nexport B=2', extraEnv: {DEBIAN_FRONTEND: 'noninteractive'}});
	t.is(ran.result.exitCode, 1);
	t.deepEqual(ran.session.env, {A: '1'});
	const exited = await runInSession({cwd: directory, env: {}}, {command: 'cd /\nexit 7'});
	t.is(exited.result.exitCode, 7);
	t.is(exited.session.cwd, '/');
});
