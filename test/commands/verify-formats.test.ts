// `verify --format junit|tap` through the built CLI: the same checks as --json, in the shapes CI and monitoring read.
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const fixture = fileURLToPath(new URL('../fixtures/acceptance/verify-fixture.md', import.meta.url));

async function verify(...extra: string[]) {
	const root = temporaryDirectory('tomesh-verify-format-');
	await mkdir(path.join(root, 'srv'));
	return runCli(['verify', '--doc', fixture, '--state', path.join(root, 'state'), '--set', `base=${path.join(root, 'srv')}`, '--only', 'Configure Service', ...extra]);
}

test('--format junit: valid XML, a failing check as <failure>, exit 1', async t => {
	const result = await verify('--format', 'junit');
	t.is(result.exitCode, 1, result.stderr);
	t.is(XMLValidator.validate(result.stdout), true);
	const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name)}).parse(result.stdout);
	const suite = xml.testsuites.testsuite[0];
	t.is(suite.name, 'Service › Configure Service');
	t.is(suite.tests, '3');
	t.is(suite.failures, '1');
	t.is(suite.testcase.length, 3);
	t.regex(suite.testcase[1].failure.message, /file missing/);
});

test('--format tap: TAP 14 plan and ok / not ok lines, exit 1', async t => {
	const result = await verify('--format', 'tap');
	t.is(result.exitCode, 1, result.stderr);
	const lines = result.stdout.split('\n');
	t.deepEqual(lines.slice(0, 2), ['TAP version 14', '1..3']);
	t.regex(lines[2]!, /^ok 1 - service\.configure-service: 1\. /);
	t.regex(lines[3]!, /^not ok 2 - service\.configure-service: 2\. Create /);
});

test('--format json is --json; --json with another format, or an unknown format, is bad usage', async t => {
	const json = await verify('--format', 'json');
	t.deepEqual(Object.keys(JSON.parse(json.stdout) as object), ['checks', 'summary']);
	for (const [args, message] of [
		[['--json', '--format', 'tap'], /^tomesh-setup: --format: --json is --format json/],
		[['--format', 'xml'], /^tomesh-setup: --format: expected json, junit or tap, got 'xml'$/],
	] as const) {
		const result = await verify(...args);
		t.is(result.exitCode, 2);
		t.regex(result.stderr.trimEnd(), message);
	}
});
