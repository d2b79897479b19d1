import test from 'ava';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import type {CheckResult} from '../../source/domain/events.js';
import type {Runbook} from '../../source/domain/types.js';
import {formatVerifyJunit} from '../../source/reporters/verify-junit.js';
import {formatVerifyPlain} from '../../source/reporters/verify-plain.js';
import {verifySummaryLine} from '../../source/reporters/verify-summary-line.js';
import {formatVerifyTap} from '../../source/reporters/verify-tap.js';

const step = (id: string, number: number, title: string) => ({id, number, line: number, title, markdown: '', actions: [], checks: [], notes: []});
const runbooks: Runbook[] = [
	{id: 'hs.install', title: 'Install Synapse', group: 'Homeserver', line: 1, steps: [step('hs.install/1', 1, 'Install'), step('hs.install/2', 2, 'Start the server')]},
	{id: 'web.serve', title: 'Serve <the> "web" client & co', group: '', line: 9, steps: [step('web.serve/1', 1, 'Extract')]},
];
const results: CheckResult[] = [
	{runbook: 'web.serve', step: 'web.serve/1', stepTitle: 'Extract', title: '/var/www/chat exists', status: 'skip', detail: 'parameter version has no value'},
	{runbook: 'hs.install', step: 'hs.install/2', stepTitle: 'Start the server', title: 'port 127.0.0.1:8008 is open', status: 'fail', detail: 'connection refused by <127.0.0.1:8008> & "more"\u0001', hint: 'is the service running?'},
	{runbook: 'hs.install', step: 'hs.install/1', stepTitle: 'Install', title: '`synctl --help` succeeds # really', status: 'pass', detail: 'exited 0'},
];
const run = {host: 'chat.example.org', at: new Date('2026-03-01T04:05:06.789Z')};
const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name)});

test('junit: valid XML; a testsuite per runbook, a testcase per check, failure with message, skipped', (t) => {
	const xml = formatVerifyJunit(results, runbooks, run);
	t.is(XMLValidator.validate(xml), true);
	const {testsuites} = parser.parse(xml);
	t.is(testsuites.tests, '3');
	t.is(testsuites.failures, '1');
	t.is(testsuites.skipped, '1');
	t.deepEqual(testsuites.testsuite.map((suite: {name: string}) => suite.name), ['Homeserver › Install Synapse', 'Serve <the> "web" client & co']);
	const [hs, web] = testsuites.testsuite;
	t.is(hs.hostname, 'chat.example.org');
	t.is(hs.timestamp, '2026-03-01T04:05:06');
	t.deepEqual(hs.testcase.map((testcase: {name: string}) => testcase.name), ['1. Install — `synctl --help` succeeds # really', '2. Start the server — port 127.0.0.1:8008 is open']);
	t.is(hs.testcase[0].failure, undefined);
	t.is(hs.testcase[1].classname, 'hs.install');
	t.is(hs.testcase[1].failure.message, 'connection refused by <127.0.0.1:8008> & "more"', 'escaped, and a control character dropped');
	t.is(hs.testcase[1].failure['#text'], 'is the service running?');
	t.is(web.skipped, '1');
	t.is(web.testcase[0].skipped.message, 'parameter version has no value');
});

test('junit structure: one <testsuites> root whose counts are the sums of its suites, each suite\'s counts those of its testcases', (t) => {
	const xml = formatVerifyJunit(results, runbooks, run);
	t.regex(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
	const document = parser.parse(xml);
	t.deepEqual(Object.keys(document).filter((key) => key !== '?xml'), ['testsuites'], 'a single root element');
	const {testsuites} = document;
	const sum = (key: string) => testsuites.testsuite.reduce((total: number, suite: Record<string, string>) => total + Number(suite[key]), 0);
	for (const key of ['tests', 'failures', 'errors', 'skipped']) t.is(Number(testsuites[key]), sum(key), `testsuites ${key}`);
	for (const suite of testsuites.testsuite) {
		const cases = suite.testcase as Array<Record<string, any>>;
		t.is(Number(suite.tests), cases.length);
		t.is(Number(suite.failures), cases.filter((testcase) => testcase.failure !== undefined).length);
		t.is(Number(suite.skipped), cases.filter((testcase) => testcase.skipped !== undefined).length);
		t.is(suite.errors, '0');
		for (const testcase of cases) {
			t.true(typeof testcase.name === 'string' && testcase.name.length > 0);
			t.is(testcase.classname, suite.id);
			if (testcase.failure) t.truthy(testcase.failure.message && testcase.failure.type);
		}
	}
});

test('junit with no checks is still a valid document', (t) => {
	const xml = formatVerifyJunit([], runbooks, run);
	t.is(XMLValidator.validate(xml), true);
	t.is(parser.parse(xml).testsuites.tests, '0');
});

test('tap: version, plan 1..N, ok / not ok in document order, # SKIP with the reason, a YAML block for a failure', (t) => {
	t.is(
		formatVerifyTap(results, runbooks),
		[
			'TAP version 14',
			'1..3',
			'ok 1 - hs.install: 1. Install — `synctl --help` succeeds \\# really',
			'not ok 2 - hs.install: 2. Start the server — port 127.0.0.1:8008 is open',
			'  ---',
			'  message: "connection refused by <127.0.0.1:8008> & \\"more\\"\\u0001"',
			'  hint: "is the service running?"',
			'  step: "hs.install/2"',
			'  ...',
			'ok 3 - web.serve: 1. Extract — /var/www/chat exists # SKIP parameter version has no value',
			'',
		].join('\n'),
	);
	t.is(formatVerifyTap([], runbooks), 'TAP version 14\n1..0\n');
});

test('the one-line summary names the failures, the host and the time; the plain report prints it last', (t) => {
	t.is(verifySummaryLine(results, runbooks, run), 'tomesh-setup verify: 1 pass, 1 fail (Start the server: port 127.0.0.1:8008 i…), 1 skip on chat.example.org at 2026-03-01T04:05:06Z');
	const many: CheckResult[] = ['a', 'b', 'c', 'd'].map((name) => ({runbook: 'hs.install', step: 'hs.install/1', title: `check ${name}`, status: 'fail', detail: 'no'}));
	t.is(verifySummaryLine(many, runbooks, run), 'tomesh-setup verify: 0 pass, 4 fail (check a, check b, +2 more), 0 skip on chat.example.org at 2026-03-01T04:05:06Z');
	t.regex(formatVerifyPlain(results, runbooks, run), /\n1 passed, 1 failed, 1 skipped\ntomesh-setup verify: 1 pass, 1 fail .* on chat\.example\.org at .*\n$/);
});
