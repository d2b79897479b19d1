import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {readerGoneExitCode} from '../source/closed-output.js';
import {fixture, workspace} from './commands/engine-workspace.js';
import {startCli} from './helpers/run-cli.js';
import {repoRoot} from './domain/seed-paths.js';

// The reader of the output is gone before the first write (`tomesh-setup plan | head` once head has exited): every
// write fails with EPIPE.
function withoutReader(started: ReturnType<typeof startCli>) {
	started.child.stdout!.destroy();
	return started.done;
}

for (const args of [['plan', '--json'], ['plan'], ['lint'], ['--help']]) {
	test(`${args.join(' ')} whose reader went away ends quietly with ${readerGoneExitCode}, as a tool ended by SIGPIPE`, async t => {
		const result = await withoutReader(startCli(args, {cwd: repoRoot}));
		t.is(result.stderr, '');
		t.is(result.exitCode, readerGoneExitCode);
	});
}

test('run --yes whose reader went away carries on: every step runs and the run ends as it would have', async t => {
	const w = workspace(fixture('session'));
	const result = await withoutReader(w.start(['run', '--yes']));
	t.is(result.exitCode, 0, result.stderr);
	t.is(result.stderr, '');
	t.is(readFileSync(path.join(w.work, 'app', 'counter.txt'), 'utf8'), 'line=1\n');
});
