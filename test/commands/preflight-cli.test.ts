import path from 'node:path';
import test from 'ava';
import type {PreflightFinding} from '../../source/domain/preflight/types.js';
import {heavyPackages, importGraph} from '../helpers/import-graph.js';
import {runCli} from '../helpers/run-cli.js';
import {repoRoot} from '../domain/seed-paths.js';

const current = 'test/fixtures/acceptance/current-matrix.md';

test('preflight: a finding a line with its mark, what it means and what to do, then the counts; exit 0 without a block', async (t) => {
	const result = await runCli(['preflight', '--doc', current, '--timeout', '1'], {cwd: repoRoot});
	t.is(result.exitCode, 0, result.stderr);
	const lines = result.stdout.trimEnd().split('\n');
	t.is(lines[0], 'Preflight: what is already on this server');
	t.regex(result.stdout, /^ {2}[✔⚠] os: /m);
	for (const port of [80, 443, 8448, 8008]) t.regex(result.stdout, new RegExp(`^ {2}[✔⚠] port-${port}: port ${port} `, 'm'));
	t.regex(result.stdout, /^ {2}[✔⚠] memory: memory [\d.]+ [GM]iB, swap /m);
	t.regex(result.stdout, /^ {2}[✔⚠] dns-matrix\.example\.org: /m);
	t.regex(lines.at(-1)!, /^\d+ ok, \d+ warnings?, 0 blocking$/);
});

test('preflight --json: findings with level, what, consequence, todo; a summary; the facts', async (t) => {
	const result = await runCli(['preflight', '--json', '--doc', current, '--set', 'matrix_host=chat.example.net', '--timeout', '1'], {cwd: repoRoot});
	t.is(result.exitCode, 0, result.stderr);
	const report = JSON.parse(result.stdout) as {findings: PreflightFinding[]; summary: {ok: number; warn: number; block: number}; facts: {os?: {id: string}; now: string}};
	for (const finding of report.findings) {
		t.deepEqual(Object.keys(finding), ['id', 'level', 'what', 'consequence', 'todo']);
		t.true(['ok', 'warn', 'block'].includes(finding.level));
	}

	t.true(report.findings.some((finding) => finding.id === 'dns-chat.example.net'), 'the --set value is the host name looked up');
	t.is(report.summary.ok + report.summary.warn + report.summary.block, report.findings.length);
	t.truthy(report.facts.now);
});

test('plan starts with a short preflight section after the documents load', async (t) => {
	const result = await runCli(['plan', '--doc', current], {cwd: repoRoot});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /^Preflight: \d+ ok, \d+ warnings?, \d+ blocking/);
	t.regex(result.stdout, /\n\nexample\.org Chat \(/);
	const json = await runCli(['plan', '--json', '--doc', current], {cwd: repoRoot});
	t.notThrows(() => JSON.parse(json.stdout), 'plan --json stays the model alone');
});

for (const [what, args, message] of [
	['a missing document', ['preflight', '--doc', 'nope.md'], /^tomesh-setup: nope\.md: cannot read document: no such file$/],
	['a bad value', ['preflight', '--doc', current, '--set', 'matrix_host=bad host'], /^tomesh-setup: --set: matrix_host: expected a host name/],
	['an argument', ['preflight', 'extra'], /^tomesh-setup: unexpected argument 'extra'$/],
] as const) {
	test(`preflight with ${what}: one line, exit 2`, async (t) => {
		const result = await runCli([...args], {cwd: repoRoot});
		t.is(result.exitCode, 2);
		t.is(result.stdout, '');
		t.regex(result.stderr.trimEnd(), message);
	});
}

test('preflight\'s import graph never reaches Ink, React, zx or conf', (t) => {
	const {packages} = importGraph(path.join(repoRoot, 'source/commands/preflight.ts'));
	for (const forbidden of heavyPackages) t.false(packages.has(forbidden), forbidden);
});
