import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {runFileCheck} from '../../../source/engine/checks/file.js';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

async function setup() {
	const cwd = temporaryDirectory('check-file-');
	await writeFile(path.join(cwd, 'resolv.conf'), 'nameserver 8.8.8.8\nsearch example.net\n');
	return {cwd, home: '/root', env: {}, timeoutMs: 10_000, signal: new AbortController().signal, exec: defaultCheckExec};
}

test('exists, relative to the session cwd', async t => {
	const context = await setup();
	const outcome = await runFileCheck({kind: 'file', path: 'resolv.conf', line: 1}, context);
	t.deepEqual(outcome, {status: 'pass', detail: `${context.cwd}/resolv.conf exists`});
});

test('a missing file fails saying so', async t => {
	const context = await setup();
	const outcome = await runFileCheck({kind: 'file', path: 'nope.conf', line: 1}, context);
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `file missing: ${context.cwd}/nope.conf`);
});

test('contains every string', async t => {
	const context = await setup();
	t.is((await runFileCheck({kind: 'file', path: 'resolv.conf', contains: ['8.8.8.8', 'search'], line: 1}, context)).status, 'pass');
	const outcome = await runFileCheck({kind: 'file', path: 'resolv.conf', contains: ['8.8.8.8', '2001:4860'], line: 1}, context);
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `${context.cwd}/resolv.conf does not contain '2001:4860'`);
});

test('equals ignores a final newline and names the first differing line', async t => {
	const context = await setup();
	t.is((await runFileCheck({kind: 'file', path: 'resolv.conf', equals: 'nameserver 8.8.8.8\nsearch example.net', line: 1}, context)).status, 'pass');
	const outcome = await runFileCheck({kind: 'file', path: 'resolv.conf', equals: 'nameserver 8.8.8.8\nsearch tomesh.net\n', line: 1}, context);
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `${context.cwd}/resolv.conf differs from the expected content at line 2: expected 'search tomesh.net', got 'search example.net'`);
});
