import path from 'node:path';
import test from 'ava';
import {heavyPackages, importGraph} from '../helpers/import-graph.js';
import {runCli} from '../helpers/run-cli.js';
import {repoRoot} from '../domain/seed-paths.js';

const original = 'test/fixtures/documents/tomesh-chat.md';
const current = 'test/fixtures/acceptance/current-matrix.md';

test('lint of the 2016 original: one finding a line, FILE:LINE: rule: what — instead: …, exit 1', async (t) => {
	const result = await runCli(['lint', '--doc', original], {cwd: repoRoot});
	t.is(result.exitCode, 1, result.stderr);
	const lines = result.stdout.trimEnd().split('\n');
	const findings = lines.slice(0, -1);
	t.true(findings.length >= 12);
	for (const line of findings) t.regex(line, /^test\/fixtures\/documents\/tomesh-chat\.md:\d+: [a-z\d-]+: .+ — instead: .+ \(since .+\)$/);
	t.true(findings.includes(`${original}:111: tls-old-protocols: enables TLSv1 / TLSv1.1 in nginx ssl_protocols — instead: ssl_protocols TLSv1.2 TLSv1.3; (since RFC 8996 deprecated TLS 1.0 and 1.1 (2021))`));
	t.is(lines.at(-1), `${findings.length} outdated instructions in 1 of 1 document`);
	t.is(result.stderr, '');
});

test('lint --json: findings with file, line, rule, step, what, instead, since, and a summary', async (t) => {
	const result = await runCli(['lint', '--json', '--doc', original, '--doc', current], {cwd: repoRoot});
	t.is(result.exitCode, 1, result.stderr);
	const report = JSON.parse(result.stdout) as {findings: Array<Record<string, unknown>>; summary: {findings: number; documents: number; outdated: number; byRule: Record<string, number>}};
	t.is(report.summary.findings, report.findings.length);
	t.is(report.summary.documents, 2);
	t.is(report.summary.outdated, 1);
	t.is(report.summary.byRule['letsencrypt-auto'], 2);
	t.deepEqual(Object.keys(report.findings[0]!).sort(), ['file', 'instead', 'line', 'rule', 'since', 'step', 'what']);
	t.is(report.findings[0]!.step, 'set-up-martix-homeserver.install-synapse-homeserver/2');
});

test('lint of a current document: no findings, exit 0', async (t) => {
	const result = await runCli(['lint', '--doc', current], {cwd: repoRoot});
	t.is(result.exitCode, 0, result.stdout);
	t.is(result.stdout, 'no outdated instructions in 1 document\n');
});

test('lint of the shipped original names each outdated item with its replacement; the shipped current document has none', async (t) => {
	const old = await runCli(['lint', '--doc', 'runbooks/tomesh-chat.md'], {cwd: repoRoot});
	t.is(old.exitCode, 1, old.stderr);
	const findings = old.stdout.trimEnd().split('\n').slice(0, -1);
	t.true(findings.length >= 12);
	for (const line of findings) t.regex(line, /^runbooks\/tomesh-chat\.md:\d+: [a-z\d-]+: .+ — instead: .+ \(since .+\)$/);
	const rules = new Set(findings.map((line) => line.split(': ')[1]));
	for (const rule of ['python2-packages', 'synapse-from-pip', 'synctl', 'letsencrypt-auto', 'tls-old-protocols', 'node-nvm', 'matrix-srv-record']) t.true(rules.has(rule), rule);
	const current = await runCli(['lint', '--doc', 'runbooks/matrix-chat.md'], {cwd: repoRoot});
	t.is(current.exitCode, 0, current.stdout);
	t.is(current.stdout, 'no outdated instructions in 1 document\n');
});

test('lint of the shipped runbooks finds the same instructions as in the raw original', async (t) => {
	const result = await runCli(['lint', '--json'], {cwd: repoRoot});
	t.is(result.exitCode, 1, result.stderr);
	const rules = (JSON.parse(result.stdout) as {summary: {byRule: Record<string, number>}}).summary.byRule;
	const raw = JSON.parse((await runCli(['lint', '--json', '--doc', original], {cwd: repoRoot})).stdout) as {summary: {byRule: Record<string, number>}};
	t.deepEqual(rules, raw.summary.byRule);
});

for (const [what, args, message] of [
	['a missing document', ['lint', '--doc', 'nope.md'], /^tomesh-setup: nope\.md: cannot read document: no such file$/],
	['a format', ['lint', '--format', 'tap'], /^tomesh-setup: --format: only verify has report formats/],
	['an unknown runbook', ['lint', '--only', 'nope'], /^tomesh-setup: --only: no runbook 'nope'/],
] as const) {
	test(`lint with ${what}: one line, exit 2`, async (t) => {
		const result = await runCli([...args], {cwd: repoRoot});
		t.is(result.exitCode, 2);
		t.is(result.stdout, '');
		t.regex(result.stderr.trimEnd(), message);
		t.is(result.stderr.trimEnd().split('\n').length, 1);
	});
}

test('lint\'s import graph never reaches Ink, React, zx or conf', (t) => {
	const {files, packages} = importGraph(path.join(repoRoot, 'source/commands/lint.ts'));
	t.true(files.size > 5);
	for (const forbidden of heavyPackages) t.false(packages.has(forbidden), forbidden);
});
