import {execFileSync} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runHttpCheck} from '../../../source/engine/checks/http.js';
import {runPortCheck} from '../../../source/engine/checks/port.js';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import {fetchUrl} from '../../../source/engine/checks/fetch-url.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

const context = (timeoutMs = 10_000) => ({cwd: tmpdir(), home: '/root', env: {}, timeoutMs, signal: new AbortController().signal, exec: defaultCheckExec});

async function listen(server: net.Server): Promise<number> {
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as net.AddressInfo).port;
}

// A port that nothing listens on: bound once, then closed.
async function closedPort(): Promise<number> {
	const server = net.createServer();
	const port = await listen(server);
	await new Promise(resolve => server.close(resolve));
	return port;
}

test('http: a status below 500 with the wanted body passes', async t => {
	const server = http.createServer((_request, response) => response.end('<title>Synapse is running</title>'));
	const port = await listen(server);
	t.teardown(() => server.close());
	const outcome = await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/`, contains: 'Synapse is running', line: 1}, context());
	t.deepEqual(outcome, {status: 'pass', detail: "HTTP 200, body contains 'Synapse is running'"});
});

test('http: a 502 or a missing body string fails saying which', async t => {
	const server = http.createServer((request, response) => {
		response.statusCode = request.url === '/bad' ? 502 : 200;
		response.end('welcome to nginx');
	});
	const port = await listen(server);
	t.teardown(() => server.close());
	t.is((await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/bad`, line: 1}, context())).detail, 'HTTP 502, expected below 400');
	t.is((await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/`, status: 301, line: 1}, context())).detail, 'HTTP 200, expected 301');
	t.is(
		(await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/`, contains: 'Synapse', line: 1}, context())).detail,
		"HTTP 200 but the body does not contain 'Synapse'",
	);
});

test('http: connection refused is named, with a hint', async t => {
	const port = await closedPort();
	const outcome = await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/`, line: 1}, context());
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `connection refused by 127.0.0.1:${port}`);
	t.is(outcome.hint, 'is the service running?');
});

test('http: a server that never answers costs one timeout', async t => {
	const server = http.createServer(() => undefined);
	const port = await listen(server);
	t.teardown(() => server.closeAllConnections());
	t.teardown(() => server.close());
	const outcome = await runHttpCheck({kind: 'http', url: `http://127.0.0.1:${port}/`, line: 1}, context(300));
	t.deepEqual(outcome, {status: 'fail', detail: `127.0.0.1:${port}: timed out after 300 ms`});
});

test('https: a self-signed certificate fails verification and the detail says so', async t => {
	const directory = temporaryDirectory('check-https-');
	const [key, cert] = [path.join(directory, 'key.pem'), path.join(directory, 'cert.pem')];
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], {stdio: 'ignore'});
	const server = https.createServer({key: await readFile(key), cert: await readFile(cert)}, (_request, response) => response.end('ok'));
	const port = await listen(server);
	t.teardown(() => server.close());
	const outcome = await runHttpCheck({kind: 'http', url: `https://127.0.0.1:${port}/`, line: 1}, context());
	t.is(outcome.status, 'fail');
	t.regex(outcome.detail, /^127\.0\.0\.1:\d+: the certificate is self-signed$/);
});

test('port: open and refused', async t => {
	const server = net.createServer(socket => socket.end());
	const port = await listen(server);
	t.teardown(() => server.close());
	t.deepEqual(await runPortCheck({kind: 'port', host: '127.0.0.1', port, line: 1}, context()), {status: 'pass', detail: `127.0.0.1:${port} accepts connections`});
	const closed = await closedPort();
	const outcome = await runPortCheck({kind: 'port', host: '127.0.0.1', port: closed, line: 1}, context());
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, `connection refused by 127.0.0.1:${closed}`);
});

test('fetchUrl with an address connects there whatever the host name resolves to (as check-matrix does per address)', async t => {
	const server = http.createServer((request, response) => response.end(`host ${request.headers.host}`));
	const port = await listen(server);
	t.teardown(() => server.close());
	const answer = await fetchUrl(new URL(`http://matrix.example.invalid:${port}/`), {timeoutMs: 5000, address: '127.0.0.1'});
	t.is(answer.body, `host matrix.example.invalid:${port}`);
});
