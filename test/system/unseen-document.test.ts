// End to end with a second current Matrix document written by another hand (test/fixtures/documents/
// matrix-on-debian-unstable.md): its own structure, wording and placeholders, no annotations. Same sandbox base and
// real software as matrix-server.test.ts; run by `npm run test:e2e`.
import path from 'node:path';
import test from 'ava';
import {clientRoundTrip, cliEnv, names, PhaseTimes, startMatrixSandbox, type MatrixSandbox} from './harness/matrix-sandbox.js';
import {acmeDirectory} from './harness/pebble.js';
import {e2eUnavailable} from './harness/sandbox-root.js';

const repo = path.resolve(import.meta.dirname, '../..');
const password = 'tr0ub4dor & 3';
const source = path.join(repo, 'test/fixtures/documents/matrix-on-debian-unstable.md');
const document = `/opt/e2e/${path.basename(source)}`;
// The parameters are the document's own placeholders (BASE_DOMAIN → base_domain…): nothing tells the tool their names.
const settings = [
	`base_domain=${names.domain}`,
	`synapse_host=${names.matrix}`,
	`element_host=${names.chat}`,
	'cert_email=admin@example.test',
	`acme_url=${acmeDirectory}`,
	'element_tarball_url=file:///opt/e2e/element-web.tar.gz',
	'admin_login=admin',
	`admin_password=${password}`,
].flatMap(setting => ['--set', setting]);
const cli = (args: string) => `node /opt/tomesh-setup/dist/cli.js ${args} --doc ${document} ${settings.map(word => `'${word}'`).join(' ')}`;

const times = new PhaseTimes();
const unavailable = e2eUnavailable();
let server: MatrixSandbox | undefined;

test.after.always(async () => {
	await server?.close();
	console.log(`e2e (unseen document) phase times (s): ${times.toString()}`);
});

test.serial('a current Matrix document the tool has not seen, in another hand, stands up a working server', async t => {
	if (unavailable) {
		t.log(`skipped: ${unavailable}`);
		t.pass();
		return;
	}

	t.timeout(25 * 60_000);
	server = await startMatrixSandbox(repo, times, [source]);
	const {sandbox} = server;
	// The image has no sudo: the document's `sudo …` and `sudo -u matrix-synapse …` lines must work without it.
	t.not((await sandbox.exec('command -v sudo')).code, 0, 'the sandbox has no sudo');
	const first = await times.phase('run --yes', async () => sandbox.exec(cli('run --yes'), {env: cliEnv}));
	t.log(first.stdout.split('\n').slice(-30).join('\n'));
	t.is(first.code, 0, `run --yes failed:\n${first.stdout.slice(-4000)}\n${first.stderr.slice(-2000)}`);
	t.notRegex(first.stdout, /tr0ub4dor/, 'the admin password never shows');
	t.notRegex((await sandbox.exec('cat /var/log/tomesh-setup/audit.log')).stdout, /tr0ub4dor/, 'nor in the audit log');
	const secret = await sandbox.exec("stat -c '%U %a' /etc/matrix-synapse/conf.d/registration-secret.yaml");
	t.is(secret.stdout.trim(), 'matrix-synapse 600');

	const verify = await times.phase('verify', async () => sandbox.exec(cli('verify --json'), {env: cliEnv}));
	const report = JSON.parse(verify.stdout) as {checks: Array<{title: string; status: string; detail: string}>; summary: {fail: number; pass: number}};
	t.log(report.checks.map(check => `${check.status} ${check.title}`).join('\n'));
	t.is(verify.code, 0, JSON.stringify(report.checks.filter(check => check.status !== 'pass'), null, 1));
	t.is(report.summary.fail, 0);
	t.true(report.summary.pass > 0);

	const client = await times.phase('client round-trip', async () => clientRoundTrip(sandbox, 'admin', password));
	t.is(client.code, 0, client.stderr.slice(-3000));
	const seen = JSON.parse(client.stdout.trim().split('\n').at(-1)!) as {baseUrl: string; userId: string; readBack: boolean};
	t.is(seen.baseUrl, `https://${names.matrix}`);
	t.is(seen.userId, `@admin:${names.domain}`);
	t.true(seen.readBack);
});
