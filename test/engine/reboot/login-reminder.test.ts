import {execFileSync} from 'node:child_process';
import {chmodSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import {writeReminder} from '../../../source/engine/reboot/reboot.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

test('the login reminder is shown to root and the sudo user only', t => {
	const directory = temporaryDirectory('tomesh-profile-');
	chmodSync(directory, 0o755);
	const file = writeReminder(directory, 'tomesh-setup run', 'alice');
	const asRoot = execFileSync('sh', [file], {encoding: 'utf8', env: {PATH: process.env.PATH}});
	if (process.getuid?.() !== 0) {
		t.is(asRoot, '', 'not root and not alice: nothing shown');
		return;
	}

	t.is(asRoot, 'tomesh-setup: the server rebooted during setup; to continue: tomesh-setup run\n');
	// Someone else logging in (nobody) sees nothing.
	t.is(execFileSync('runuser', ['-u', 'nobody', '--', 'sh', file], {encoding: 'utf8', env: {PATH: process.env.PATH}}), '');
});
