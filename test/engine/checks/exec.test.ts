import {tmpdir} from 'node:os';
import process from 'node:process';
import test from 'ava';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import {testNeeding} from '../../helpers/requirements.js';

const options = {cwd: tmpdir(), env: {}, timeoutMs: 10_000};

testNeeding(['root'], {serial: true})('`$` checks run as the sudo user, `#` checks as root', async t => {
	const saved = process.env.SUDO_USER;
	process.env.SUDO_USER = 'nobody';
	t.teardown(() => {
		if (saved === undefined) delete process.env.SUDO_USER;
		else process.env.SUDO_USER = saved;
	});
	t.is((await defaultCheckExec('id -un', {...options, as: 'user'})).output, 'nobody');
	t.is((await defaultCheckExec('id -un', {...options, as: 'root'})).output, 'root');
});

test.serial('without a sudo user, `$` checks run as the current user', async t => {
	const saved = process.env.SUDO_USER;
	delete process.env.SUDO_USER;
	t.teardown(() => {
		if (saved !== undefined) process.env.SUDO_USER = saved;
	});
	const result = await defaultCheckExec('id -u', {...options, as: 'user'});
	t.is(result.output, String(process.getuid?.()));
});

test('stdin is closed: a check that reads input ends instead of waiting', async t => {
	const result = await defaultCheckExec('read -r answer; echo "got:$answer"', {...options, as: 'root'});
	t.is(result.output, 'got:');
	t.false(result.timedOut ?? false);
});

test('a timeout ends the check and says so', async t => {
	const result = await defaultCheckExec('sleep 30 & wait', {...options, timeoutMs: 200, as: 'root'});
	t.true(result.timedOut);
});
