import http from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'ava';
import {runHttpCheck} from '../../../source/engine/checks/http.js';
import type {CheckContext} from '../../../source/engine/checks/context.js';

const context = (): CheckContext => ({cwd: '/', home: '/root', env: {}, timeoutMs: 5000, signal: new AbortController().signal, exec: async () => ({exitCode: 0, output: ''})});

async function serve(t: import('ava').ExecutionContext, routes: Record<string, [number, Record<string, string>, string]>): Promise<string> {
	const server = http.createServer((request, response) => {
		const [status, headers, body] = routes[request.url ?? ''] ?? [404, {}, 'not found'];
		response.writeHead(status, headers).end(body);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => server.close());
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('check-http follows redirects and reports the final URL', async t => {
	const base = await serve(t, {'/old': [301, {location: '/new'}, 'moved'], '/new': [200, {}, '{"versions":["v1.11"]}']});
	const outcome = await runHttpCheck({kind: 'http', url: `${base}/old`, contains: 'versions', line: 1}, context());
	t.is(outcome.status, 'pass');
	t.regex(outcome.detail, new RegExp(`redirected to ${base}/new`));
});

test('a redirect page no longer passes, nor does a 404 at its end', async t => {
	const base = await serve(t, {'/old': [302, {location: '/gone'}, '<a href="/gone">versions</a>']});
	const outcome = await runHttpCheck({kind: 'http', url: `${base}/old`, contains: 'versions', line: 1}, context());
	t.is(outcome.status, 'fail');
	t.regex(outcome.detail, /HTTP 404 \(redirected to .*\/gone\), expected below 400/);
});

test('redirects are bounded', async t => {
	const base = await serve(t, {'/loop': [302, {location: '/loop'}, '']});
	const outcome = await runHttpCheck({kind: 'http', url: `${base}/loop`, line: 1}, context());
	t.is(outcome.status, 'fail');
	t.regex(outcome.detail, /more than 5 redirects/);
});

test('a check that names a 3xx status looks at the redirect itself', async t => {
	const base = await serve(t, {'/': [301, {location: 'https://example.org/'}, '']});
	t.is((await runHttpCheck({kind: 'http', url: `${base}/`, status: 301, line: 1}, context())).status, 'pass');
});
