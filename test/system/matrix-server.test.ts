// End to end, on real software: the shipped current document stands up Synapse, nginx, a certificate from a local
// ACME server and the web client in a throwaway Debian sid sandbox without systemd, as root. Run by `npm run test:e2e`.
import path from 'node:path';
import test from 'ava';
import {clientRoundTrip, cliEnv, names, PhaseTimes, startMatrixSandbox, type MatrixSandbox} from './harness/matrix-sandbox.js';
import {acmeDirectory} from './harness/pebble.js';
import {e2eUnavailable, type ServerSandbox} from './harness/sandbox-root.js';

const repo = path.resolve(import.meta.dirname, '../..');
const password = 'correct horse battery staple';
const document = '/opt/tomesh-setup/runbooks/matrix-chat.md';
const settings = [
	`domain=${names.domain}`,
	`matrix_host=${names.matrix}`,
	`chat_host=${names.chat}`,
	'email=admin@example.test',
	'synapse_package=matrix-synapse',
	'admin_user=admin',
	`admin_password=${password}`,
	`acme_server=${acmeDirectory}`,
	'element_tarball=file:///opt/e2e/element-web.tar.gz',
].flatMap(setting => ['--set', setting]);
const cli = (args: string) => `node /opt/tomesh-setup/dist/cli.js ${args} --doc ${document} ${settings.map(word => `'${word}'`).join(' ')}`;

const times = new PhaseTimes();
const phase = async <T>(name: string, work: () => Promise<T>) => times.phase(name, work);
const unavailable = e2eUnavailable();
let server: MatrixSandbox | undefined;
let sandbox: ServerSandbox | undefined;

test.after.always(async () => {
	await server?.close();
	console.log(`e2e phase times (s): ${times.toString()}`);
});

test.serial('the current document stands up a working Matrix server in a sandbox without systemd', async t => {
	if (unavailable) {
		t.log(`skipped: ${unavailable}`);
		t.pass();
		return;
	}

	t.timeout(25 * 60_000);
	server = await startMatrixSandbox(repo, times);
	t.log(server.made ? 'made the sid base (cold)' : 'sid base from the cache');
	sandbox = server.sandbox;

	const first = await phase('run --yes', async () => sandbox!.exec(cli('run --yes'), {env: cliEnv}));
	t.log(first.stdout.split('\n').slice(-30).join('\n'));
	t.is(first.code, 0, `run --yes failed:\n${first.stdout.slice(-4000)}\n${first.stderr.slice(-2000)}`);
	t.notRegex(first.stdout, /correct horse/, 'the admin password never shows');
	const audit = await sandbox.exec('cat /var/log/tomesh-setup/audit.log');
	t.notRegex(audit.stdout, /correct horse/, 'nor in the audit log');
	// The registration ran with the password: masked, or passed by reference (a value with spaces never enters the text).
	t.regex(audit.stdout, /register_new_matrix_user\)? [^\n]* -p (?:'?\*{8}'?|"\$\{?TS_PARAM_\w+\}?")/);

	const verify = await phase('verify', async () => sandbox!.exec(cli('verify --json'), {env: cliEnv}));
	const report = JSON.parse(verify.stdout) as {checks: Array<{title: string; status: string; detail: string}>; summary: {fail: number; pass: number}};
	t.is(verify.code, 0, JSON.stringify(report.checks.filter(check => check.status !== 'pass'), null, 1));
	t.is(report.summary.fail, 0);
	t.true(report.checks.some(check => check.title.startsWith('Matrix server') && check.status === 'pass'));
	t.notRegex(verify.stdout, /correct horse/);

	const client = await phase('client round-trip', async () => clientRoundTrip(sandbox!, 'admin', password));
	t.is(client.code, 0, client.stderr.slice(-3000));
	const seen = JSON.parse(client.stdout.trim().split('\n').at(-1)!) as {baseUrl: string; userId: string; readBack: boolean};
	t.is(seen.baseUrl, `https://${names.matrix}`);
	t.is(seen.userId, `@admin:${names.domain}`);
	t.true(seen.readBack);

	// Someone edits the server name's site, drops the client .well-known and reloads nginx: clients cannot find the server.
	const siteStep = 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/3';
	const broken = await sandbox.exec(String.raw`sed -i '/location = \/.well-known\/matrix\/client/,/^    }/d' /etc/nginx/sites-available/${names.domain} && nginx -s reload`);
	t.is(broken.code, 0, broken.stderr);
	const failing = await phase('verify (broken site)', async () => sandbox!.exec(cli('verify'), {env: cliEnv}));
	t.log(failing.stdout.split('\n').filter(line => /✖|hint/.test(line)).join('\n'));
	t.is(failing.code, 1, failing.stdout);
	t.regex(failing.stdout, /✖ 3\. Create \/etc\/nginx\/sites-available\/example\.test,.* differs: lacks 'location = \/\.well-known\/matrix\/client \{'/);
	t.regex(failing.stdout, /✖ 1\. Check the server .*— Matrix server example\.test federates and serves clients: .*\/\.well-known\/matrix\/client answers HTTP 404/);
	t.regex(failing.stdout, new RegExp(String.raw`hint: serve /\.well-known/matrix/client from the nginx site of example\.test;.* — step ${siteStep.replaceAll('.', String.raw`\.`)}: Create`));

	const repair = await phase('run --repair --yes', async () => sandbox!.exec(cli('run --repair --yes'), {env: cliEnv}));
	t.log(repair.stdout.split('\n').filter(line => /↺|✔|✖|repaired/.test(line)).join('\n'));
	t.is(repair.code, 0, repair.stdout.slice(-4000));
	t.regex(repair.stdout, new RegExp(String.raw`↺ ${siteStep.replaceAll('.', String.raw`\.`)} `));
	t.regex(repair.stdout, /↺ set-up-https-with-nginx-and-let-s-encrypt\.serve-matrix-over-https\/4 Enable both sites and reload nginx\n {6}follows/);
	t.regex(repair.stdout, /repaired: 3 steps run again/);
	const mended = await phase('verify (repaired)', async () => sandbox!.exec(cli('verify'), {env: cliEnv}));
	t.is(mended.code, 0, mended.stdout);

	// From scratch again on the finished server: every step runs, passes, and no file changes.
	// certbot notes when it may next ask the CA about renewal ([acme_renewal_info] ari_retry_after) on every run: its
	// bookkeeping, not ours.
	const files = String.raw`{ find /etc /var/www /root /var/lib/matrix-synapse -xdev -type f ! -name "*.db*" ! -path /etc/ld.so.cache ! -path "/root/.cache/*" ! -path "/etc/letsencrypt/renewal/*" -print0 | sort -z | xargs -0 sha256sum; for f in /etc/letsencrypt/renewal/*.conf; do echo "$(grep -v -e '^ari_retry_after' -e '^\[acme_renewal_info\]' "$f" | sha256sum | cut -c1-64)  $f"; done; }`;
	const before = await sandbox.exec(files);
	t.is((await sandbox.exec(cli('reset'), {env: cliEnv})).code, 0);
	const again = await phase('reset + run --yes', async () => sandbox!.exec(cli('run --yes'), {env: cliEnv}));
	t.is(again.code, 0, again.stdout.slice(-4000));
	t.notRegex(again.stdout, /^ {4}\+\+\+ /m, 'no file change shown as a diff');
	const after = await sandbox.exec(files);
	const changed = after.stdout.split('\n').filter(line => !before.stdout.split('\n').includes(line));
	t.deepEqual(changed, [], 'no file changed');
});
