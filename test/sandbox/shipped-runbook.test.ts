// The shipped document's system changes, for real, inside the namespace sandbox (DESIGN.md §5): the nginx site file,
// its symlink, `nginx -t` and reload, and the /etc/network/interfaces resolver edit — through the built CLI — then
// verify; the host's /etc is asserted untouched.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {CheckResult} from '../../source/domain/events.js';
import {cliPath} from '../helpers/run-cli.js';
import {testNeeding} from '../helpers/requirements.js';
import {runInSandbox, sandboxWritesCommand, snapshot} from '../helpers/sandbox.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shipped = path.join(repo, 'runbooks/tomesh-chat.md');
const interfacesFixture = fileURLToPath(new URL('../fixtures/acceptance/interfaces', import.meta.url));
const https = 'set-up-martix-homeserver.set-up-https-with-nginx-and-letsencrypt';
const federation = 'set-up-martix-homeserver.set-up-federation';

const sandboxTest = testNeeding(['sandbox', 'nginx'], {serial: true});

// Everything the host could be left with if the sandbox leaked.
const hostPaths = [
	'/etc/nginx/sites-available/matrix.tomesh.net',
	'/etc/nginx/sites-enabled/matrix.tomesh.net',
	'/etc/nginx/sites-enabled',
	'/etc/network/interfaces',
	'/etc/network',
	'/etc/letsencrypt',
	'/etc/ssl/certs/dhparam.pem',
	'/etc/profile.d/tomesh-setup-resume.sh',
	'/opt/letsencrypt',
	'/run/nginx.pid',
	'/var/log/tomesh-setup',
	'/var/lib/tomesh-setup',
];

// Shell lines run first in every sandbox: nothing in it may reboot or reach systemd, whatever a step says.
const guard = (stubs: string) => `
mkdir -p ${stubs}
for tool in reboot shutdown poweroff halt systemctl; do printf '#!/bin/sh\\necho "sandbox: $0 refused" >&2\\nexit 1\\n' > ${stubs}/$tool; chmod +x ${stubs}/$tool; done
export PATH=${stubs}:$PATH TOMESH_SETUP_REBOOT_COMMAND=true
unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR
cd ${repo}
`;

const cli = (...args: string[]) => `node ${cliPath} ${args.join(' ')}`;

function exits(stdout: string): Record<string, number> {
	return Object.fromEntries([...stdout.matchAll(/^exit (\S+) (\d+)$/gm)].map(match => [match[1]!, Number(match[2])]));
}

sandboxTest('nginx site file, symlink, nginx -t and reload through run --yes; verify passes; the host is untouched', async t => {
	const host = await snapshot(hostPaths);
	const work = temporaryDirectory('tomesh-sandbox-nginx-');
	const state = path.join(work, 'state');
	const out = path.join(work, 'out');
	const only = `--only ${https} --doc ${shipped} --state ${state} --set version=master`;
	const result = await runInSandbox(`${guard(path.join(work, 'stubs'))}
mkdir -p ${out}
# What the document assumes is already in place: a certificate from letsencrypt and Diffie-Hellman parameters.
mkdir -p /etc/letsencrypt/live/matrix.tomesh.net
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=matrix.tomesh.net \\
  -keyout /etc/letsencrypt/live/matrix.tomesh.net/privkey.pem -out /etc/letsencrypt/live/matrix.tomesh.net/fullchain.pem 2>/dev/null
openssl dhparam -dsaparam -out /etc/ssl/certs/dhparam.pem 2048 2>/dev/null
# letsencrypt-auto would need the internet: a stand-in that renews nothing.
mkdir -p /opt/letsencrypt && printf '#!/bin/sh\\necho "renewal skipped in the sandbox"\\n' > /opt/letsencrypt/letsencrypt-auto && chmod 755 /opt/letsencrypt/letsencrypt-auto
nginx || echo "exit nginx-start $?"
${cli('run --yes', only)}; echo "exit run $?"
readlink /etc/nginx/sites-enabled/matrix.tomesh.net > ${out}/link
cp /etc/nginx/sites-available/matrix.tomesh.net ${out}/site
nginx -t; echo "exit nginx-t $?"
${sandboxWritesCommand} > ${out}/before-verify
${cli('verify --json', only)} > ${out}/verify.json; echo "exit verify $?"
${sandboxWritesCommand} | comm -13 ${out}/before-verify - > ${out}/verify-wrote
${cli('run --yes', only)}; echo "exit rerun $?"
# Forget the progress and apply again: the symlink's guard and the idempotent write make it a no-op, not an error.
${cli('reset', https, `--doc ${shipped} --state ${state}`)}; echo "exit reset $?"
${cli('run --yes', only)}; echo "exit again $?"
`, {timeoutMs: 90_000});
	t.deepEqual(exits(result.stdout), {run: 0, 'nginx-t': 0, verify: 0, rerun: 0, reset: 0, again: 0}, `${result.stdout}\n${result.stderr}`);
	t.is(await readFile(path.join(out, 'link'), 'utf8'), '/etc/nginx/sites-available/matrix.tomesh.net\n');
	const site = await readFile(path.join(out, 'site'), 'utf8');
	t.regex(site, /server_name matrix\.tomesh\.net;/);
	t.regex(site, /proxy_pass http:\/\/127\.0\.0\.1:8008\/;/);
	const report = JSON.parse(await readFile(path.join(out, 'verify.json'), 'utf8')) as {checks: CheckResult[]; summary: {fail: number}};
	t.is(report.summary.fail, 0);
	t.true(report.checks.some(check => check.step === `${https}/4` && check.status === 'pass'), 'nginx -t is a check that passed');
	t.true(report.checks.some(check => check.step === `${https}/2` && check.status === 'pass'), 'the site file is checked');
	t.is(await readFile(path.join(out, 'verify-wrote'), 'utf8'), '', 'verify wrote nothing in the system directories');
	t.deepEqual(await snapshot(hostPaths), host, "the host's /etc, /var, /run and /opt are untouched");
});

sandboxTest('the resolver edit on /etc/network/interfaces through run --yes, stopping at the reboot; its check passes', async t => {
	const host = await snapshot(hostPaths);
	const work = temporaryDirectory('tomesh-sandbox-resolver-');
	const state = path.join(work, 'state');
	const out = path.join(work, 'out');
	const only = `--only ${federation} --doc ${shipped} --state ${state} --set version=master`;
	const result = await runInSandbox(`${guard(path.join(work, 'stubs'))}
mkdir -p ${out} /etc/network
cp ${interfacesFixture} /etc/network/interfaces
${cli('run --yes', only)}; echo "exit run $?"
cp /etc/network/interfaces ${out}/interfaces
${cli('verify --json', only)} > ${out}/verify.json; echo "exit verify $?"
`, {timeoutMs: 60_000});
	t.is(exits(result.stdout).run, 0, `${result.stdout}\n${result.stderr}`);
	const original = await readFile(interfacesFixture, 'utf8');
	const expected = original.replace(
		'        dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8.8.8.8\n',
		'#        dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8.8.8.8\n        dns-nameservers 8.8.8.8\n',
	);
	t.is(await readFile(path.join(out, 'interfaces'), 'utf8'), expected);
	const report = JSON.parse(await readFile(path.join(out, 'verify.json'), 'utf8')) as {checks: CheckResult[]};
	const edit = report.checks.filter(check => check.step === `${federation}/1`);
	t.is(edit.length, 1);
	t.is(edit[0]!.status, 'pass', edit[0]!.detail);
	t.deepEqual(await snapshot(hostPaths), host);
});
