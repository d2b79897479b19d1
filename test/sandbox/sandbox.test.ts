import {testNeeding} from '../helpers/requirements.js';
import {runInSandbox, sandboxWritesCommand, snapshot} from '../helpers/sandbox.js';

const sandboxTest = testNeeding(['sandbox'], {serial: true});

sandboxTest('writes to /etc, /var and /run vanish; daemons die with the sandbox; loopback is up', async t => {
	const host = await snapshot(['/etc/tomesh-sandbox-probe', '/var/tomesh-sandbox-probe', '/run/tomesh-sandbox-probe']);
	const result = await runInSandbox(`
		echo probe > /etc/tomesh-sandbox-probe && echo probe > /var/tomesh-sandbox-probe && echo probe > /run/tomesh-sandbox-probe
		cat /etc/tomesh-sandbox-probe
		ip -o link show lo | grep -q 'UP' && echo lo-up
		sleep infinity &
		echo "pid $$"
	`);
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /^probe\nlo-up\npid 1\n$/);
	t.deepEqual(await snapshot(Object.keys(host)), host);
});

sandboxTest('the exit code and stderr of the script come back', async t => {
	const result = await runInSandbox('echo oops >&2; exit 7');
	t.is(result.exitCode, 7);
	t.is(result.stderr, 'oops\n');
});

sandboxTest('the script can list what it wrote to the overlaid directories', async t => {
	const result = await runInSandbox(`
		${sandboxWritesCommand} > /tmp/tomesh-before-$$
		mkdir -p /etc/tomesh-probe && echo x > /etc/tomesh-probe/file && echo y > /root/tomesh-probe
		${sandboxWritesCommand} | comm -13 /tmp/tomesh-before-$$ -
		rm /tmp/tomesh-before-$$
	`);
	t.is(result.exitCode, 0, result.stderr);
	t.is(result.stdout, '/etc/tomesh-probe\n/etc/tomesh-probe/file\n/root/tomesh-probe\n');
});
