import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {splitLines} from '../../../source/domain/output/text-tail.js';
import {runShell, type ShellRequest} from '../../../source/engine/process/run-shell.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

// Runs a command and collects what it printed on stdout.
async function run(request: Omit<ShellRequest, 'onOutput'>) {
	let stdout = '';
	const result = await runShell({...request, onOutput: (stream, text) => stream === 'stdout' && (stdout += text)});
	return {...result, stdout};
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function until(condition: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

test('output arrives as complete lines on both streams, exit code recorded', async t => {
	const lines: string[] = [];
	const chunks: string[] = [];
	const result = await runShell({
		argv: ['bash', '-c', 'echo one; echo two >&2; printf "no newline"; exit 3'],
		cwd: os.tmpdir(),
		env: process.env,
		onOutput(stream, text) {
			chunks.push(text);
			lines.push(...splitLines(text).map(line => `${stream}:${line}`));
		},
	});
	t.is(result.exitCode, 3);
	t.deepEqual(lines.sort(), ['stderr:two', 'stdout:no newline', 'stdout:one']);
	t.true(chunks.every(chunk => chunk.endsWith('\n')));
});

test('an abort kills the whole process tree, background children included', async t => {
	const directory = temporaryDirectory('tomesh-shell-');
	const pids = path.join(directory, 'pids');
	const abort = new AbortController();
	const running = run({
		argv: ['bash', '-c', `sleep 300 & echo $! > ${pids}.tmp; sleep 301 & echo $! >> ${pids}.tmp; mv ${pids}.tmp ${pids}; wait; echo survived`],
		cwd: directory,
		env: process.env,
		signal: abort.signal,
	});
	await until(() => existsSync(pids), 'the children to start');
	const children = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
	t.true(children.every(pid => alive(pid)));
	abort.abort();
	const result = await running;
	t.true(result.aborted);
	t.not(result.exitCode, 0);
	t.false(result.stdout.includes('survived'));
	await until(() => children.every(pid => !alive(pid)), 'the children to die');
	t.pass();
});

test('stdin is closed: a command reading it gets EOF instead of waiting', async t => {
	const result = await run({argv: ['bash', '-c', 'read answer || { echo eof; exit 1; }'], cwd: os.tmpdir(), env: process.env});
	t.is(result.exitCode, 1);
	t.is(result.stdout, 'eof\n');
});

test('a daemon left in the background does not hold the command once its shell exits', async t => {
	const directory = temporaryDirectory('tomesh-shell-');
	const result = await run({
		argv: ['bash', '-c', `sleep 60 & echo $! > ${directory}/daemon; echo started`],
		cwd: directory,
		env: process.env,
	});
	const daemon = Number(readFileSync(path.join(directory, 'daemon'), 'utf8'));
	t.true(alive(daemon), 'the daemon keeps running');
	process.kill(daemon);
	t.is(result.exitCode, 0);
	t.is(result.stdout, 'started\n');
	t.true(result.durationMs < 30_000);
});
