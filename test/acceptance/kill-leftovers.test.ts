// kill -9 during a step leaves no script with secrets behind, and the next start removes the command's directory.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {fixture, workspace} from '../commands/engine-workspace.js';
import {waitFor} from '../helpers/wait-for.js';
import {groupGone} from '../helpers/process-group.js';

test('kill -9 during a step: no script is left in its directory, and the next start removes the directory', async t => {
	const w = workspace(fixture('long-step'));
	const {child, done} = w.start(['run', '--yes']);
	const running = path.join(w.state, 'running.pid');
	const started = () => existsSync(path.join(w.work, 'step.pid')) && existsSync(running) && readFileSync(running, 'utf8').endsWith('\n');
	await waitFor(started, 'the long step to start', 30_000);
	const directories = () => readdirSync(os.tmpdir()).filter(name => name.startsWith(`tomesh-session-${child.pid}n`));
	t.is(directories().length, 1);
	t.false(existsSync(path.join(os.tmpdir(), directories()[0]!, 'command.sh')), 'the script is gone once the shell has read it');
	child.kill('SIGKILL');
	await done;
	const group = Number(readFileSync(running, 'utf8'));
	await w.cli(['status']);
	await waitFor(() => groupGone(group), 'the left-over step to end', 30_000);
	t.deepEqual(directories(), []);
});
