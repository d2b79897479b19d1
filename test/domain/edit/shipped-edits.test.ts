import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {buildPlan, type ReportedAction} from '../../../source/domain/plan/build-plan.js';
import {diffStat} from '../../../source/domain/edit/unified-diff.js';
import {loadDocuments} from '../../../source/load-documents.js';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {repoRoot, shippedPath} from '../seed-paths.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test/fixtures/shipped-edits', name), 'utf8');

// The files as they are on a server after the earlier steps, where plan (run as root from /root) finds them.
const files: Record<string, string> = {
	'/root/.synapse/homeserver.yaml': fixture('homeserver.yaml'),
	'/root/.synapse/tomesh.net.log.config': fixture('tomesh.net.log.config'),
	'/etc/network/interfaces': fixture('interfaces'),
};
const [plan] = buildPlan(loadDocuments([shippedPath]), {}, {readFile: (file) => files[file], origin: () => ({cwd: '/root', home: '/root', env: {}})});
const step = (runbook: number, number: number) => plan!.runbooks[runbook]!.steps[number - 1]!;
const only = (actions: ReportedAction[]) => {
	if (actions.length !== 1) throw new Error(`expected one action, got ${actions.length}`);
	return actions[0]!;
};

test('registration: one line changes, False → True, comments kept', (t) => {
	const action = only(step(0, 5).actions);
	t.is(action.target, '/root/.synapse/homeserver.yaml');
	t.deepEqual(diffStat(action.diff!), {added: 1, removed: 1});
	t.regex(action.diff!, /^-enable_registration: False$/m);
	t.regex(action.diff!, /^\+enable_registration: True$/m);
	t.regex(action.diff!, /^ # Enable registration for new users\.$/m);
	t.notRegex(action.diff!, /Zq4nL1x9/, 'the shared secret is masked');
});

test('cache factor: one line appended', (t) => {
	const action = only(step(0, 6).actions);
	t.deepEqual(diffStat(action.diff!), {added: 1, removed: 0});
	t.regex(action.diff!, /^\+synctl_cache_factor: 0\.02$/m);
});

test('log config: handlers:file:backupCount 10 → 1, nothing else', (t) => {
	const action = only(step(0, 7).actions);
	t.is(action.target, '/root/.synapse/tomesh.net.log.config');
	t.deepEqual(diffStat(action.diff!), {added: 1, removed: 1});
	t.regex(action.diff!, /^- {4}backupCount: 10$/m);
	t.regex(action.diff!, /^\+ {4}backupCount: 1$/m);
});

test('resolver: the dns-nameservers line is commented out and the IPv4 one added after it', (t) => {
	const action = only(step(1, 1).actions);
	t.is(action.target, '/etc/network/interfaces');
	t.deepEqual(diffStat(action.diff!), {added: 2, removed: 1});
	t.regex(action.diff!, /^-\s+dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8\.8\.8\.8$/m);
	t.regex(action.diff!, /^\+#\s*dns-nameservers 2001:4860:4860::8844/m);
	t.regex(action.diff!, /^\+\s+dns-nameservers 8\.8\.8\.8$/m);
});

test('applied changes diff as nothing to do', (t) => {
	const after = buildPlan(loadDocuments([shippedPath]), {}, {
		readFile: (file) => ({...files, '/root/.synapse/homeserver.yaml': files['/root/.synapse/homeserver.yaml']!.replace('enable_registration: False', 'enable_registration: True')})[file],
		origin: () => ({cwd: '/root', home: '/root', env: {}}),
	});
	t.is(only(after[0]!.runbooks[0]!.steps[4]!.actions).diff, '');
});

test('an edit whose file is missing says so instead of a diff', (t) => {
	const [empty] = buildPlan(loadDocuments([shippedPath]), {}, {readFile: () => undefined, origin: () => ({cwd: '/root', home: '/root', env: {}})});
	const action = only(empty!.runbooks[0]!.steps[4]!.actions);
	t.is(action.diff, undefined);
	t.regex(action.problem!, /\/root\/\.synapse\/homeserver\.yaml does not exist/);
});

test('config.json lands in /var/www/chat.tomesh.net (the step\'s cwd annotation), as a whole-file diff', (t) => {
	const write = step(5, 3).actions.find((action) => action.kind === 'write')!;
	t.is(write.target, '/var/www/chat.tomesh.net/config.json');
	t.regex(write.diff!, /^--- \/dev\/null$/m);
	t.deepEqual(diffStat(write.diff!), {added: 8, removed: 0});
});
