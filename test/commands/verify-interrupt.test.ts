import {spawnSync} from 'node:child_process';
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {startCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const fixture = fileURLToPath(new URL('../fixtures/acceptance/hanging-check.md', import.meta.url));

test('Ctrl-C during verify kills the running check commands, then exits 130', async t => {
	const root = temporaryDirectory('tomesh-verify-int-');
	const base = path.join(root, 'hang');
	await mkdir(base);
	const fifo = path.join(base, 'signal.fifo');
	t.is(spawnSync('mkfifo', [fifo]).status, 0);
	const {child, done} = startCli(['verify', '--doc', fixture, '--state', path.join(root, 'state'), '--set', `base=${base}`, '--timeout', '600']);
	// The check writes to the fifo, then hangs: reading it means the check command is running now.
	t.is(await readFile(fifo, 'utf8'), 'started\n');
	child.kill('SIGINT');
	const result = await done;
	t.is(result.exitCode, 130, result.stderr);
	t.is(result.stderr, 'tomesh-setup: verify interrupted\n');
	// verify waited for its checks to end: no check command outlives it.
	t.is(spawnSync('pgrep', ['-f', 'sleep 4321.5']).status, 1, 'the hanging check was killed');
});
