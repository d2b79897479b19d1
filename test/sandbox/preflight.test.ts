// preflight on a server where nginx already listens on :80, inside the sandbox (nginx must not start on the host):
// the port-80 finding names nginx; a site for one of the documents' host names and a held apt lock are reported.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import type {PreflightFacts, PreflightFinding} from '../../source/domain/preflight/types.js';
import {cliPath} from '../helpers/run-cli.js';
import {runInSandbox, sandboxUnavailable} from '../helpers/sandbox.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const unavailable = sandboxUnavailable();
const sandboxTest = unavailable ? test.skip : test;
if (unavailable) test('preflight sandbox test is skipped', t => {
	t.log(`skipped: ${unavailable}`);
	t.pass();
});

sandboxTest('nginx already on :80: preflight --json names it; an existing site for the host name is reported', async t => {
	const work = temporaryDirectory('tomesh-sandbox-preflight-');
	const result = await runInSandbox(`
		unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR
		cd ${repo}
		mkdir -p /etc/nginx/sites-enabled
		printf 'server {\\n    listen 8448;\\n    server_name other.example.org matrix.example.org;\\n}\\n' > /etc/nginx/sites-enabled/old-site
		nginx || exit 9
		# apt holds its lock with fcntl; flock(1) stands in for it (both show in /proc/locks).
		flock /var/lib/dpkg/lock-frontend sh -c 'touch ${work}/locked; exec sleep 60' &
		until [ -e ${work}/locked ]; do sleep 0.05; done
		node ${cliPath} preflight --json --doc test/fixtures/acceptance/current-matrix.md > ${work}/preflight.json; echo "exit preflight $?"
	`, {timeoutMs: 60_000});
	t.regex(result.stdout, /^exit preflight 0$/m, result.stderr);
	const report = JSON.parse(await readFile(path.join(work, 'preflight.json'), 'utf8')) as {findings: PreflightFinding[]; summary: Record<string, number>; facts: PreflightFacts};
	const byId = new Map(report.findings.map(finding => [finding.id, finding]));
	t.regex(byId.get('port-80')!.what, /^port 80 is in use by nginx \(pid \d+\)/);
	t.is(byId.get('port-80')!.level, 'ok', 'nginx is what the documents expect on :80');
	t.regex(byId.get('port-8448')!.what, /nginx/);
	t.is(byId.get('port-443')!.what, 'port 443 is free');
	t.is(byId.get('nginx-site-matrix.example.org')!.level, 'warn');
	t.regex(byId.get('nginx-site-matrix.example.org')!.what, /\/etc\/nginx\/sites-enabled\/old-site/);
	t.regex(byId.get('init')!.what, /^PID 1 is bash, not systemd/);
	t.regex(byId.get('apt-lock')!.what, /^apt\/dpkg lock is held by (?:flock|sh|sleep) \(pid \d+\)$/);
	// No network in the sandbox: where the host name points cannot be told, and preflight says so instead of failing.
	t.is(byId.get('dns-matrix.example.org')!.level, 'warn');
	t.deepEqual(report.summary, {ok: report.findings.filter(f => f.level === 'ok').length, warn: report.findings.filter(f => f.level === 'warn').length, block: 0});
});
