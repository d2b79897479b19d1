import test from 'ava';
import {preflightExitCode, preflightFindings} from '../../../source/domain/preflight/rules.js';
import type {PreflightFacts, PreflightTargets} from '../../../source/domain/preflight/types.js';

const gib = 1024 ** 3;

/** A fresh Debian 12 VPS with 2 GiB, swap, nothing listening, names pointing here. */
function freshServer(extra: Partial<PreflightFacts> = {}): PreflightFacts {
	return {
		os: {id: 'debian', idLike: [], versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)'},
		pid1: 'systemd',
		aptLock: {held: false},
		listening: [],
		nginxSites: [],
		certificates: [],
		memory: {total: 2 * gib, available: gib, swapTotal: gib},
		disk: {path: '/var', free: 20 * gib, total: 25 * gib},
		dns: {names: [{name: 'matrix.example.org', addresses: ['203.0.113.7']}], local: ['127.0.0.1', '203.0.113.7']},
		now: '2026-06-01T00:00:00.000Z',
		...extra,
	};
}

const targets: PreflightTargets = {hostNames: ['matrix.example.org'], usesApt: true, usesSynapse: true, usesSystemctl: true};
const find = (facts: PreflightFacts, id: string, on: PreflightTargets = targets) => preflightFindings(facts, on).find((finding) => finding.id === id);

test('a fresh server: everything ok, nothing to do, exit 0', (t) => {
	const findings = preflightFindings(freshServer(), targets);
	t.deepEqual(findings.filter((finding) => finding.level !== 'ok'), []);
	t.deepEqual(findings.map((finding) => finding.id), ['os', 'init', 'apt-lock', 'port-80', 'port-443', 'port-8448', 'port-8008', 'memory', 'disk', 'dns-matrix.example.org']);
	t.is(find(freshServer(), 'os')!.what, 'Debian GNU/Linux 12 (bookworm)');
	t.is(preflightExitCode(findings), 0);
});

// [what, facts, id, level, what the finding must say]
const cases: Array<[string, Partial<PreflightFacts>, string, 'ok' | 'warn' | 'block', RegExp]> = [
	['apache on :80', {listening: [{port: 80, address: '0.0.0.0', process: {pid: 812, name: 'apache2'}}]}, 'port-80', 'warn', /in use by apache2 \(pid 812, on 0\.0\.0\.0\)/],
	['nginx on :80', {listening: [{port: 80, address: '0.0.0.0', process: {pid: 90, name: 'nginx'}}]}, 'port-80', 'ok', /in use by nginx \(pid 90\)/],
	['an unseen process on :8008', {listening: [{port: 8008, address: '127.0.0.1'}]}, 'port-8008', 'warn', /cannot see/],
	['Synapse on :8008', {listening: [{port: 8008, address: '127.0.0.1', process: {pid: 5, name: 'python3'}}]}, 'port-8008', 'ok', /python3/],
	['apt running', {aptLock: {held: true, process: {pid: 77, name: 'unattended-upgr'}}}, 'apt-lock', 'warn', /held by unattended-upgr \(pid 77\)/],
	['no systemd', {pid1: 'bash'}, 'init', 'warn', /PID 1 is bash, not systemd/],
	['1 GB without swap', {memory: {total: gib, available: gib / 2, swapTotal: 0}}, 'memory', 'warn', /memory 1\.0 GiB, swap none/],
	['a full disk', {disk: {path: '/var', free: 100 * 1024 ** 2, total: 10 * gib}}, 'disk', 'block', /100 MiB free/],
	['a small disk', {disk: {path: '/var', free: 2 * gib, total: 10 * gib}}, 'disk', 'warn', /2\.0 GiB free/],
	['another site with the name', {nginxSites: [{file: '/etc/nginx/sites-enabled/default', serverNames: ['matrix.example.org']}]}, 'nginx-site-matrix.example.org', 'warn', /sites-enabled\/default/],
	['the documents\' own site', {nginxSites: [{file: '/etc/nginx/sites-enabled/matrix.example.org', serverNames: ['matrix.example.org']}]}, 'nginx-site-matrix.example.org', 'ok', /re-run/],
	['a valid certificate', {certificates: [{name: 'matrix.example.org', notAfter: '2026-08-01T00:00:00.000Z'}]}, 'certificate-matrix.example.org', 'ok', /valid until 2026-08-01/],
	['an expired certificate', {certificates: [{name: 'matrix.example.org', notAfter: '2026-01-01T00:00:00.000Z'}]}, 'certificate-matrix.example.org', 'warn', /expired/],
	['a name pointing elsewhere', {dns: {names: [{name: 'matrix.example.org', addresses: ['198.51.100.1']}], local: ['203.0.113.7']}}, 'dns-matrix.example.org', 'warn', /resolves to 198\.51\.100\.1, not an address of this server/],
	['a name that does not resolve', {dns: {names: [{name: 'matrix.example.org', addresses: []}], local: []}}, 'dns-matrix.example.org', 'warn', /does not resolve/],
	['DNS unknown', {dns: {names: [{name: 'matrix.example.org', error: 'timed out'}], local: []}}, 'dns-matrix.example.org', 'warn', /could not tell .*\(timed out\)/],
	['no os-release', {os: undefined}, 'os', 'warn', /no \/etc\/os-release/],
	['a non-Debian system', {os: {id: 'fedora', idLike: [], prettyName: 'Fedora Linux 40'}}, 'os', 'block', /Fedora Linux 40 is not Debian-based/],
	['Ubuntu', {os: {id: 'ubuntu', idLike: ['debian'], prettyName: 'Ubuntu 24.04 LTS'}}, 'os', 'ok', /Ubuntu/],
];

for (const [what, facts, id, level, text] of cases) {
	test(`${what}: ${id} is ${level}, with what it means and what to do`, (t) => {
		const finding = find(freshServer(facts), id);
		t.truthy(finding);
		t.is(finding!.level, level);
		t.regex(finding!.what, text);
		if (level !== 'ok') {
			t.true(finding!.consequence.length > 0);
			t.true(finding!.todo.length > 0);
		}
	});
}

test('only what the documents cannot survive blocks: a full disk, or apt on a system without it', (t) => {
	t.is(preflightExitCode(preflightFindings(freshServer({disk: {path: '/var', free: 0, total: gib}}), targets)), 1);
	const fedora = freshServer({os: {id: 'fedora', idLike: [], prettyName: 'Fedora'}});
	t.is(find(fedora, 'os', {...targets, usesApt: false})!.level, 'ok');
});

test('without apt in the documents the lock is not looked at; without Synapse a small server needs no swap', (t) => {
	const plain = {...targets, usesApt: false, usesSynapse: false};
	t.is(find(freshServer({aptLock: {held: true}}), 'apt-lock', plain), undefined);
	t.is(find(freshServer({memory: {total: gib, available: gib, swapTotal: 0}}), 'memory', plain)!.level, 'ok');
});
