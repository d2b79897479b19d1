import {tmpdir} from 'node:os';
import test from 'ava';
import {runInSession} from '../../../source/engine/process/session.js';
import {usesSystemctl} from '../../../source/engine/process/no-systemd.js';

test('without systemd, systemctl in a step is the stand-in; it leaves nothing in the session', async t => {
	const {result, session} = await runInSession({cwd: tmpdir(), env: {}}, {command: 'command -v systemctl; systemctl daemon-reload; export KEPT=1', noSystemd: true, onOutput(_stream, text) {
		t.log(text);
	}});
	t.is(result.exitCode, 0);
	t.is(session.env.KEPT, '1');
	t.false('PATH' in session.env);
});

test('a unit without an init script fails with a plain reason', async t => {
	let output = '';
	const {result} = await runInSession({cwd: tmpdir(), env: {}}, {
		command: 'systemctl restart no-such-unit-here.service',
		noSystemd: true,
		onOutput(_stream, text) {
			output += text;
		},
	});
	t.is(result.exitCode, 1);
	t.regex(output, /systemd is not running here and \/etc\/init\.d\/no-such-unit-here does not exist/);
});

test('which commands the fallback concerns', t => {
	t.true(usesSystemctl('systemctl restart nginx'));
	t.true(usesSystemctl('nginx -t && systemctl reload nginx'));
	t.false(usesSystemctl('echo mysystemctl'));
});
