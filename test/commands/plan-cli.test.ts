import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {heavyPackages, importGraph} from '../helpers/import-graph.js';
import {runCli} from '../helpers/run-cli.js';
import {repoRoot, seedArgument} from '../domain/seed-paths.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const inputs = path.join(repoRoot, 'test/fixtures/plan-inputs');

/** The plan without what depends on this machine's files and directories. */
function machineFree(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(machineFree);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).filter(([key]) => !['diff', 'problem', 'target', 'cwd'].includes(key)).map(([key, inner]) => [key, machineFree(inner)]));
	}

	return value;
}

test('plan --json --doc <raw seed> is the golden plan (apart from this machine\'s files)', async (t) => {
	const result = await runCli(['plan', '--json', '--doc', seedArgument], {cwd: repoRoot});
	t.is(result.exitCode, 0, result.stderr);
	const golden = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/seed-plan.golden.json'), 'utf8'));
	t.deepEqual(machineFree(JSON.parse(result.stdout)), machineFree(golden));
});

test('plan of the shipped runbooks, --only by title selects both HTTPS procedures, and changes nothing', async (t) => {
	const home = temporaryDirectory('plan-home-');
	const result = await runCli(['plan', '--only', 'Set up HTTPS with nginx and letsencrypt', '--set', 'chat_host=chat.example.org'], {cwd: home, env: {HOME: home}});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /\[set-up-martix-homeserver\.set-up-https-with-nginx-and-letsencrypt\]/);
	t.regex(result.stdout, /\[set-up-vector-web-client\.set-up-https-with-nginx-and-letsencrypt\]/);
	t.notRegex(result.stdout, /Install Synapse Homeserver/);
	t.regex(result.stdout, /^tomesh\.net Chat \(.*tomesh-chat\.md\)\n {2}written for Debian 8 \(2016\) — superseded by matrix-chat\.md\n/m);
	t.regex(result.stdout, /^ {5}# ln -s \/etc\/nginx\/sites-available\/chat\.example\.org \/etc\/nginx\/sites-enabled\/chat\.example\.org$/m);
	t.deepEqual(readdirSync(home), []);
});

const bad: Array<[string, string[], RegExp]> = [
	['a missing document', ['--doc', 'test/fixtures/plan-inputs/missing.md'], /^tomesh-setup: test\/fixtures\/plan-inputs\/missing\.md: cannot read document: no such file$/],
	['a directory', ['--doc', 'test/fixtures'], /^tomesh-setup: test\/fixtures: cannot read document/],
	['a document with no steps', ['--doc', path.join(inputs, 'no-steps.md')], /no-steps\.md:1: no steps found/],
	['an unknown annotation', ['--doc', path.join(inputs, 'bad-annotation.md')], /bad-annotation\.md:6: unknown annotation 'chek'/],
	['a bad annotation argument', ['--doc', path.join(inputs, 'bad-argument.md')], /bad-argument\.md:6: check-port needs HOST:PORT/],
	['an unknown runbook', ['--only', 'nope'], /^tomesh-setup: --only: no runbook 'nope'/],
	['an unknown parameter', ['--set', 'nope=1'], /^tomesh-setup: --set: unknown parameter 'nope'/],
	['an invalid value', ['--set', 'domain=bad host;reboot'], /^tomesh-setup: --set: domain: expected a host name/],
];

for (const [what, args, message] of bad) {
	test(`plan with ${what}: one line, exit 2, no stack`, async (t) => {
		const result = await runCli(['plan', ...args], {cwd: repoRoot});
		t.is(result.exitCode, 2);
		t.is(result.stdout, '');
		t.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
		t.regex(result.stderr.trimEnd(), message);
		t.notRegex(result.stderr, /\n\s+at /);
	});
}

test('plan\'s import graph never reaches Ink, React, zx or conf (it is the fast path)', (t) => {
	const {files, packages} = importGraph(path.join(repoRoot, 'source/commands/plan.ts'));
	t.true(files.size > 10);
	for (const forbidden of heavyPackages) t.false(packages.has(forbidden), forbidden);
	t.true(packages.has('marked'));
});
