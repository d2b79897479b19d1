import path from 'node:path';
import test from 'ava';
import {findingsByFile, findingsByStep} from '../../../source/domain/lint/findings-by-step.js';
import {lintDocuments} from '../../../source/domain/lint/lint-documents.js';
import {lintRules} from '../../../source/domain/lint/rules.js';
import {loadDocuments} from '../../../source/load-documents.js';
import {repoRoot} from '../seed-paths.js';

const documents = path.join(repoRoot, 'test/fixtures/documents');
const current = path.join(repoRoot, 'test/fixtures/acceptance/current-matrix.md');
const lint = (name: string) => lintDocuments(loadDocuments([path.join(documents, name)]));

// Each outdated instruction of the 2016 original: the rule, a line it is reported on, and words its replacement must say.
const original: Array<[rule: string, line: number, what: RegExp, instead: RegExp]> = [
	['python2-packages', 21, /python2\.7-dev, python-pip, python-virtualenv/, /matrix-synapse/],
	['synapse-from-pip', 29, /pip in a virtualenv/, /matrix-synapse-py3|matrix-synapse/],
	['synctl', 58, /synctl start/, /systemctl .*matrix-synapse/],
	['ifupdown-dns', 67, /\/etc\/network\/interfaces/, /resolved|netplan/],
	['matrix-srv-record', 76, /_matrix\._tcp/, /_matrix-fed\._tcp/],
	['matrix-srv-record', 76, /_matrix\._tcp/, /\.well-known\/matrix\/server/],
	['dhparam-4096', 107, /4096-bit/, /ffdhe2048/],
	['tls-old-protocols', 111, /TLSv1 \/ TLSv1\.1/, /TLSv1\.2 TLSv1\.3/],
	['letsencrypt-auto', 157, /letsencrypt-auto/, /certbot/],
	['node-nvm', 184, /Node\.js \(v6\) through nvm/, /release tarball/],
	['vector-web-repository', 196, /vector-im\/vector-web/, /element-hq\/element-web.*release tarball/],
	['default-hs-url', 215, /default_hs_url/, /default_server_config/],
];

test('the 2016 original yields every outdated instruction, at its line, with today\'s replacement', (t) => {
	const findings = lint('tomesh-chat.md');
	for (const [rule, line, what, instead] of original) {
		const finding = findings.find((f) => f.rule === rule && f.line === line);
		t.truthy(finding, `${rule} at line ${line}; got ${findings.filter((f) => f.rule === rule).map((f) => f.line).join(', ')}`);
		if (!finding) continue;
		t.regex(finding.what, what);
		t.regex(finding.instead, instead);
		t.true(finding.since.length > 0);
		t.true(finding.file.endsWith('tomesh-chat.md'));
	}

	// The update procedure stops and starts with synctl and installs from a tarball again; both sites get TLS findings.
	t.deepEqual(findings.filter((f) => f.rule === 'synctl').map((f) => f.line), [58, 168, 176]);
	t.deepEqual(findings.filter((f) => f.rule === 'tls-old-protocols').map((f) => f.line), [111, 258]);
	t.deepEqual(findings.filter((f) => f.rule === 'letsencrypt-auto').map((f) => f.line), [157, 294]);
});

test('the 2019 version\'s admin API calls: /_matrix/client/r0/admin and ?access_token= in the URL', (t) => {
	const findings = lint('corpus/chat@e6d2a66.md');
	const admin = findings.filter((f) => f.rule === 'admin-api-client-path');
	const token = findings.filter((f) => f.rule === 'access-token-in-url');
	t.is(admin.length, 2);
	t.is(token.length, 2);
	t.regex(admin[0]!.instead, /\/_synapse\/admin\/v1/);
	t.regex(token[0]!.instead, /Authorization: Bearer/);
});

test('a current Matrix setup (matrix-synapse package, conf.d, TLSv1.2/1.3, certbot, well-known, element-web tarball) has no findings', (t) => {
	t.deepEqual(lintDocuments(loadDocuments([current])), []);
});

test('at most one finding per rule and step, in file and line order', (t) => {
	const findings = lint('tomesh-chat.md');
	const keys = findings.map((f) => `${f.step} ${f.rule}`);
	t.is(new Set(keys).size, keys.length);
	const lines = findings.map((f) => f.line);
	t.deepEqual(lines, [...lines].sort((a, b) => a - b));
});

test('every rule has an id, places, a global pattern, what, instead and since; ids are unique', (t) => {
	t.is(new Set(lintRules.map((rule) => rule.id)).size, lintRules.length);
	for (const rule of lintRules) {
		t.regex(rule.id, /^[a-z\d-]+$/);
		t.true(rule.where.length > 0, rule.id);
		t.true(rule.pattern.global, `${rule.id} pattern needs the g flag for matchAll`);
		for (const text of [rule.what, rule.instead, rule.since]) t.true(text.trim().length > 0, rule.id);
	}
});

test('a rule applies where its table row says, and nowhere else', (t) => {
	const [document] = loadDocuments([current]);
	const step = document!.runbooks[0]!.steps[0]!;
	step.actions = [{kind: 'run', as: 'root', command: 'echo marker', line: 7}];
	step.markdown = 'the marker in prose';
	const rule = {id: 'marker', pattern: /\bmarker\b/g, what: 'w {match}', instead: 'i', since: 's'};
	const only = (where: Array<'command' | 'prose' | 'content' | 'path'>) => lintDocuments([{...document!, runbooks: [{...document!.runbooks[0]!, steps: [step]}]}], [{...rule, where}]);
	t.deepEqual(only(['command']).map((f) => [f.line, f.what]), [[7, 'w marker']]);
	t.deepEqual(only(['prose']).map((f) => f.line), [step.line]);
	t.deepEqual(only(['content', 'path']), []);
});

test('findings grouped by step and counted by file', (t) => {
	const findings = lint('tomesh-chat.md');
	const byStep = findingsByStep(findings);
	t.deepEqual(byStep.get('set-up-martix-homeserver.install-synapse-homeserver/2')?.map((f) => f.rule), ['python2-packages']);
	t.is([...byStep.values()].flat().length, findings.length);
	t.deepEqual([...findingsByFile(findings).values()], [findings.length]);
});
