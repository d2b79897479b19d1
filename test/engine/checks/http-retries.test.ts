import http from 'node:http';
import type net from 'node:net';
import {tmpdir} from 'node:os';
import test from 'ava';
import type {Check} from '../../../source/domain/types.js';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import {httpCheckBudgetMs, httpRetryDelayMs, runHttpCheck} from '../../../source/engine/checks/http.js';
import {runChecks} from '../../../source/engine/checks/run-checks.js';

const context = (signal = new AbortController().signal) => ({cwd: tmpdir(), home: '/root', env: {}, timeoutMs: 5000, signal, exec: defaultCheckExec});

/** A server that answers 503 to its first `failures` requests, then 200 "ready"; counts requests. */
async function eventuallyReady(failures: number) {
	let requests = 0;
	const server = http.createServer((_request, response) => {
		requests++;
		response.statusCode = requests <= failures ? 503 : 200;
		response.end(requests <= failures ? 'starting' : 'ready');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
	return {url, server, requests: () => requests};
}

test('retries=N passes once the server comes up within N retries, and says after how many attempts', async t => {
	const {url, server, requests} = await eventuallyReady(2);
	t.teardown(() => server.close());
	const outcome = await runHttpCheck({kind: 'http', url, contains: 'ready', retries: 3, line: 1}, context());
	t.deepEqual(outcome, {status: 'pass', detail: "HTTP 200, body contains 'ready' (after 3 attempts)"});
	t.is(requests(), 3);
});

test('retries are bounded: N retries make N + 1 requests, then the last failure is reported', async t => {
	const {url, server, requests} = await eventuallyReady(10);
	t.teardown(() => server.close());
	const outcome = await runHttpCheck({kind: 'http', url, retries: 2, line: 1}, context());
	t.deepEqual(outcome, {status: 'fail', detail: 'HTTP 503, expected below 400 (3 attempts)'});
	t.is(requests(), 3);
});

test('without retries one failing request is the verdict', async t => {
	const {url, server, requests} = await eventuallyReady(1);
	t.teardown(() => server.close());
	t.is((await runHttpCheck({kind: 'http', url, line: 1}, context())).status, 'fail');
	t.is(requests(), 1);
});

test('an abort stops the retries at once', async t => {
	const {url, server, requests} = await eventuallyReady(10);
	t.teardown(() => server.close());
	const abort = new AbortController();
	server.on('request', () => abort.abort());
	const outcome = await runHttpCheck({kind: 'http', url, retries: 10, line: 1}, context(abort.signal));
	t.is(outcome.status, 'fail');
	t.is(requests(), 1);
});

test('the backoff is short and bounded, and verify gives a check with retries all its attempts', async t => {
	t.deepEqual([1, 2, 3, 4, 5, 10].map(httpRetryDelayMs), [250, 500, 1000, 2000, 2000, 2000]);
	const check: Extract<Check, {kind: 'http'}> = {kind: 'http', url: 'http://x/', retries: 2, line: 1};
	t.is(httpCheckBudgetMs(check, 1000), 3000 + 250 + 500);
	// A per-check timeout shorter than the retries take: the engine's budget still lets the check succeed.
	const {url, server} = await eventuallyReady(2);
	t.teardown(() => server.close());
	const [result] = await runChecks([{runbook: 'r', step: 'r/1', check: {kind: 'http', url, retries: 2, line: 1}, cwd: tmpdir(), home: '/root', env: {}}], {timeoutMs: 300});
	t.is(result!.status, 'pass', result!.detail);
});
