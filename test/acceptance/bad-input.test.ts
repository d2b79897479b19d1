// Bad input through the built CLI: exit 2, one clear line, nothing changed.
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/notes-server.md', import.meta.url));

async function machine() {
	const root = temporaryDirectory('tomesh-bad-');
	return {root, base: path.join(root, 'srv'), state: path.join(root, 'state')};
}

function oneLine(t: import('ava').ExecutionContext, result: CliResult, pattern: RegExp) {
	t.is(result.exitCode, 2, result.stdout + result.stderr);
	t.is(result.stdout, '');
	const lines = result.stderr.trimEnd().split('\n');
	t.is(lines.length, 1, result.stderr);
	t.regex(lines[0]!, pattern);
	t.notRegex(result.stderr, /\n\s+at /, 'no stack trace');
}

test('a corrupt state file: exit 2, one line naming the file, the file kept as it was', async t => {
	const {base, state} = await machine();
	await mkdir(state);
	const file = path.join(state, 'progress-v1.json');
	await writeFile(file, '{"steps": {"a": ');
	for (const command of [['run', '--yes'], ['verify'], ['verify', '--json'], ['status'], ['plan'], ['plan', '--json']]) {
		const result = await runCli([...command, '--doc', documentPath, '--state', state, '--set', `base=${base}`]);
		oneLine(t, result, new RegExp(file.replaceAll(/[./]/g, String.raw`\$&`)));
		t.is(await readFile(file, 'utf8'), '{"steps": {"a": ');
	}

	t.false(existsSync(base));
});

test('a missing document: exit 2, one line naming it', async t => {
	const {state} = await machine();
	for (const command of [['run', '--yes'], ['verify']]) {
		const result = await runCli([...command, '--doc', '/nonexistent/setup.md', '--state', state]);
		oneLine(t, result, /\/nonexistent\/setup\.md/);
	}

	t.false(existsSync(state), 'no state directory left behind');
});

test('an unknown runbook: exit 2, one line naming it', async t => {
	const {base, state} = await machine();
	for (const command of [['run', '--yes'], ['verify']]) {
		const result = await runCli([...command, '--doc', documentPath, '--only', 'no-such-runbook', '--state', state, '--set', `base=${base}`]);
		oneLine(t, result, /no-such-runbook/);
	}

	t.false(existsSync(base));
	t.false(existsSync(state), 'no state directory left behind');
});
