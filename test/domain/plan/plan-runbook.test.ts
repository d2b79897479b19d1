import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {planRunbook} from '../../../source/domain/plan/plan-runbook.js';
import type {Step} from '../../../source/domain/types.js';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {shippedPath} from '../seed-paths.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const shipped = parseDocument(readFileSync(shippedPath, 'utf8'), 'shipped.md');
const origin = {cwd: '/srv', home: '/root', env: {}};
const nothing = () => undefined;

test('follows cd of earlier steps (homeserver.yaml after cd ~/.synapse)', t => {
	const plans = planRunbook(shipped.runbooks[0]!.steps, origin, nothing);
	t.is(plans[0]!.start.cwd, '/srv');
	t.is(plans[3]!.start.cwd, '/srv', 'the step that cds starts where it was');
	t.is(plans[4]!.start.cwd, '/root/.synapse');
	t.is(plans[7]!.start.cwd, '/root/.synapse');
	t.true(plans[7]!.end.fixed, 'an absolute cd fixes where the checks run');
});

test('a cwd annotation fixes the directory of its step', t => {
	t.is(planRunbook(shipped.runbooks[5]!.steps, origin, nothing)[2]!.start.cwd, '/var/www/chat.tomesh.net');
});

const step = (number: number, actions: Step['actions'], cwd?: string): Step => ({
	id: `r/${number}`,
	number,
	line: number,
	title: '',
	markdown: '',
	notes: [],
	checks: [],
	actions,
	...(cwd ? {cwd} : {}),
});

test('a relative write after a cd inside the same step lands in that directory', t => {
	const [plan] = planRunbook([step(1, [{kind: 'run', as: 'root', command: 'cd /srv/app', line: 1}, {kind: 'write', path: 'notes.txt', content: 'hi\n', line: 2}])], origin, nothing);
	t.is(plan!.actions[1]!.target, '/srv/app/notes.txt');
	t.is(plan!.actions[1]!.cwd, '/srv/app');
});

test('plan diffs chain through earlier steps: a second append, a write then an edit', t => {
	const plans = planRunbook(
		[
			step(1, [{kind: 'write', path: '/etc/app.yaml', content: 'a: 1\n', line: 1}]),
			step(2, [{kind: 'edit', path: '/etc/app.yaml', edit: {op: 'set-yaml', key: ['a'], value: '2'}, line: 2}]),
			step(3, [{kind: 'edit', path: '/etc/hosts', edit: {op: 'append-line', line: '10.0.0.1 one'}, line: 3}]),
			step(4, [{kind: 'edit', path: '/etc/hosts', edit: {op: 'append-line', line: '10.0.0.2 two'}, line: 4}]),
		],
		origin,
		file => (file === '/etc/hosts' ? '127.0.0.1 localhost\n' : undefined),
	);
	t.falsy(plans[1]!.actions[0]!.problem, 'the edit sees the file the write creates');
	t.regex(plans[1]!.actions[0]!.diff!, /-a: 1\n\+a: 2/);
	t.regex(plans[3]!.actions[0]!.diff!, / 10\.0\.0\.1 one\n\+10\.0\.0\.2 two/);
	t.is(plans[3]!.actions[0]!.after, '127.0.0.1 localhost\n10.0.0.1 one\n10.0.0.2 two\n');
});

test('a relative path after a cd that cannot be followed says so instead of guessing', t => {
	const [plan] = planRunbook([step(1, [{kind: 'run', as: 'root', command: 'cd "$(mktemp -d)"', line: 1}, {kind: 'write', path: 'x.txt', content: 'x', line: 2}])], origin, nothing);
	t.is(plan!.actions[1]!.target, undefined);
	t.regex(plan!.actions[1]!.problem!, /known only once/);
});
