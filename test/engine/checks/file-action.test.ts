import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {fileActionChecks, runFileActionCheck} from '../../../source/engine/checks/file-action.js';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import {planStep} from '../../../source/domain/plan/plan-step.js';
import type {Step} from '../../../source/domain/types.js';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const step: Step = {
	id: 'rb/1',
	number: 1,
	line: 1,
	title: 'Configure',
	markdown: '',
	notes: [],
	checks: [],
	actions: [
		{kind: 'run', as: 'root', command: 'true', line: 2},
		{kind: 'write', path: 'app.yaml', content: 'enable_registration: False\nform_secret: hunter2hunter2\n', line: 3},
		{kind: 'edit', path: 'app.yaml', edit: {op: 'set-yaml', key: ['enable_registration'], value: 'True'}, line: 4},
		{kind: 'edit', path: 'app.yaml', edit: {op: 'append-line', line: 'cache_factor: 0.02'}, line: 5},
	],
};

// Planned where the directory is not known yet: each check finds its file from the directory it runs in.
const plan = planStep(step, {home: '/root', env: {}, where: {cwd: undefined, fixed: false}}, () => undefined);

async function setup(content?: string) {
	const cwd = temporaryDirectory('check-action-');
	if (content !== undefined) await writeFile(path.join(cwd, 'app.yaml'), content);
	return {cwd, home: '/root', env: {}, timeoutMs: 10_000, signal: new AbortController().signal, exec: defaultCheckExec};
}

test('one check per write or edit action, none for commands', t => {
	const checks = fileActionChecks(plan);
	t.is(checks.length, 3);
	t.deepEqual(checks.map(check => check.title), [
		'app.yaml has the content this step writes',
		'app.yaml sets enable_registration to True',
		"app.yaml has the line 'cache_factor: 0.02'",
	]);
});

test('edits pass when re-applying them would change nothing, and nothing is written', async t => {
	const applied = 'enable_registration: True # on\nform_secret: hunter2hunter2\ncache_factor: 0.02\n';
	const context = await setup(applied);
	const [, setKey, append] = fileActionChecks(plan);
	t.is((await runFileActionCheck(setKey!, context)).status, 'pass');
	t.is((await runFileActionCheck(append!, context)).status, 'pass');
	t.is(await readFile(path.join(context.cwd, 'app.yaml'), 'utf8'), applied);
});

test('a changed value fails and says what differs', async t => {
	const context = await setup('enable_registration: False\n');
	const [, setKey] = fileActionChecks(plan);
	const outcome = await runFileActionCheck(setKey!, context);
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `${context.cwd}/app.yaml differs: has 'enable_registration: False' instead of 'enable_registration: True'`);
	t.truthy(outcome.hint);
});

test('a missing appended line fails naming the line', async t => {
	const context = await setup('a: 1\n');
	const [, , append] = fileActionChecks(plan);
	const outcome = await runFileActionCheck(append!, context);
	t.is(outcome.detail, `${context.cwd}/app.yaml differs: lacks 'cache_factor: 0.02'`);
});

test('a missing file fails with "file missing" or the reason the edit cannot apply', async t => {
	const context = await setup();
	const [write, setKey] = fileActionChecks(plan);
	t.is((await runFileActionCheck(write!, context)).detail, `file missing: ${context.cwd}/app.yaml`);
	const outcome = await runFileActionCheck(setKey!, context);
	t.is(outcome.status, 'fail');
	t.regex(outcome.detail, /app\.yaml does not exist/);
});

test('secrets never appear in the detail', async t => {
	const context = await setup('enable_registration: False\nform_secret: other-secret-value\n');
	const [write] = fileActionChecks(plan);
	const outcome = await runFileActionCheck(write!, context);
	t.is(outcome.status, 'fail');
	t.false(outcome.detail.includes('other-secret-value'));
	t.false(outcome.detail.includes('hunter2hunter2'));
});

test('a write that later edits of the same file changed is still in place; a hand change is not', async t => {
	const [write] = fileActionChecks(plan);
	const written = 'enable_registration: False\nform_secret: hunter2hunter2\n';
	// Every state the step passes through: as written, after the first edit, after both.
	for (const state of [written, written.replace('False', 'True'), `${written.replace('False', 'True')}cache_factor: 0.02\n`]) {
		t.is((await runFileActionCheck(write!, await setup(state))).status, 'pass', state);
	}

	const damaged = await runFileActionCheck(write!, await setup('enable_registration: maybe\nform_secret: hunter2hunter2\n'));
	t.is(damaged.status, 'fail');
	t.false(damaged.detail.includes('hunter2'), 'secrets stay masked');
});

test('later changes of another file do not excuse a changed write', async t => {
	const [write] = fileActionChecks(plan, [{action: {kind: 'edit', path: 'other.yaml', edit: {op: 'append-line', line: 'x'}, line: 9}}]);
	const changed = await runFileActionCheck(write!, await setup('enable_registration: False\nform_secret: hunter2hunter2\nx\n'));
	t.is(changed.status, 'fail');
});
