import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {homeOf, sessionOrigin} from '../../source/engine/session-origin.js';
const startDirectory = (runbook: Runbook, env: NodeJS.ProcessEnv) => sessionOrigin(runbook, env).cwd;
import type {Runbook, ShellUser} from '../../source/domain/types.js';
import {testNeeding} from '../helpers/requirements.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const runbook = (as: ShellUser): Runbook => ({
	id: 'r',
	title: 'R',
	group: '',
	line: 1,
	steps: [{id: 'r/1', number: 1, line: 1, title: 'x', markdown: '', notes: [], checks: [], actions: [{kind: 'run', as, command: 'git clone x', line: 1}]}],
});

test('a runbook starts in the home directory of the user running the tool, not in the current directory', t => {
	t.is(startDirectory(runbook('root'), {}), os.userInfo().homedir);
	// Without sudo there is no other user: `$` commands run as the tool's user, from its home.
	t.is(startDirectory(runbook('user'), {}), os.userInfo().homedir);
});

// Only root runs commands as the sudo user.
testNeeding(['root'])('under sudo, a runbook that starts with a $ command starts in the sudo user\'s home', t => {
	const sudo = {SUDO_USER: 'nobody', SUDO_UID: '65534', SUDO_GID: '65534'};
	t.is(startDirectory(runbook('user'), sudo), homeOf('nobody') ?? os.userInfo().homedir);
	t.is(startDirectory(runbook('root'), sudo), os.userInfo().homedir);
});

test('homeOf reads the password database', async t => {
	const directory = temporaryDirectory('tomesh-passwd-');
	const passwd = path.join(directory, 'passwd');
	await writeFile(passwd, 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n');
	t.is(homeOf('alice', passwd), '/home/alice');
	t.is(homeOf('bob', passwd), undefined);
	t.is(homeOf('alice', path.join(directory, 'missing')), undefined);
});
