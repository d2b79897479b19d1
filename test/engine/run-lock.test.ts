import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../../source/domain/types.js';
import {acquireRunLock, lockHolder} from '../../source/engine/run-lock.js';
import {waitFor} from '../helpers/wait-for.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test('a live run holds the lock; a dead or unrelated pid does not', async t => {
	const state = temporaryDirectory('tomesh-lock-');
	const lock = path.join(state, 'run.lock');
	// A process whose command line looks like the CLI's, standing in for another run.
	const other = spawn('bash', ['-c', 'exec -a "node /opt/tomesh-setup/dist/cli.js" sleep 30'], {stdio: 'ignore'});
	const unrelated = spawn('sleep', ['30'], {stdio: 'ignore'});
	t.teardown(() => {
		other.kill();
		unrelated.kill();
	});
	// Until bash has exec'd, the process is still `bash -c …`: on a busy machine the check could come first.
	const commandLine = () => {
		try {
			return readFileSync(`/proc/${other.pid}/cmdline`, 'utf8');
		} catch {
			return '';
		}
	};

	await waitFor(() => commandLine().includes('cli.js'), 'the stand-in run to take its command line');
	writeFileSync(lock, `${other.pid}\n`);
	t.is(lockHolder(state), other.pid);
	t.throws(() => acquireRunLock(state), {instanceOf: InputError, message: new RegExp(`pid ${other.pid}`)});
	writeFileSync(lock, `${unrelated.pid}\n`);
	t.is(lockHolder(state), undefined, 'a reused pid of another program');
	writeFileSync(lock, '999999999\n');
	t.is(lockHolder(state), undefined, 'a dead pid');
	acquireRunLock(state);
	t.is(lockHolder(state), undefined, 'our own lock does not block us');
});
