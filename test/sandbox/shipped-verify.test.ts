// verify on the shipped document on a machine where nothing was set up, inside the sandbox (its checks run nginx -t,
// dig and ufw, which must not touch the host): every check reported with a reason, exit 1, nothing written.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {CheckResult} from '../../source/domain/events.js';
import {cliPath} from '../helpers/run-cli.js';
import {testNeeding} from '../helpers/requirements.js';
import {runInSandbox, sandboxWritesCommand} from '../helpers/sandbox.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sandboxTest = testNeeding(['sandbox']);

sandboxTest('verify on the shipped document where nothing was set up: a reason for every check, exit 1, nothing written', async t => {
	const work = temporaryDirectory('tomesh-sandbox-verify-');
	const result = await runInSandbox(`
		unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR
		cd ${repo}
		${sandboxWritesCommand} > ${work}/before
		node ${cliPath} verify --json --timeout 3 --doc runbooks/tomesh-chat.md --state ${work}/state > ${work}/verify.json; echo "exit verify $?"
		${sandboxWritesCommand} | comm -13 ${work}/before - > ${work}/written
	`, {timeoutMs: 60_000});
	t.regex(result.stdout, /^exit verify 1$/m, result.stderr);
	const report = JSON.parse(await readFile(path.join(work, 'verify.json'), 'utf8')) as {checks: CheckResult[]; summary: {pass: number; fail: number; skip: number}};
	t.true(report.checks.length >= 15, `${report.checks.length} checks`);
	t.true(report.summary.fail > 0);
	for (const check of report.checks) t.true(check.detail.trim() !== '', `${check.step}: ${check.title} has a reason`);
	t.true(report.checks.some(check => check.status === 'skip' && /version/.test(check.detail)), 'the VERSION placeholder has no value: skipped');
	// `nginx -t` (the document's check) opens nginx's logs and pid file, and on a server where nginx never ran creates
	// its temp directories, by itself; nothing else may be written anywhere.
	const nginxOwn = new Set(['/var/log', '/var/lib', '/run/nginx.pid']);
	const written = (await readFile(path.join(work, 'written'), 'utf8'))
		.split('\n')
		.filter(line => line !== '' && !nginxOwn.has(line) && !line.startsWith('/var/log/nginx') && !line.startsWith('/var/lib/nginx'));
	t.deepEqual(written, []);
});
