import {tmpdir} from 'node:os';
import test from 'ava';
import type {CheckExec} from '../../../source/engine/checks/context.js';
import {runChecks, type CheckJob} from '../../../source/engine/checks/run-checks.js';

const job: CheckJob = {runbook: 'rb', step: 'rb/1', check: {kind: 'command', as: 'root', command: 'probe', line: 1}, cwd: tmpdir(), home: '/root', env: {}};

// A service that answers from its third probe on, like Synapse a few seconds after its init script returns.
const slowService = (): {exec: CheckExec; calls: () => number} => {
	let calls = 0;
	return {
		exec: async () => {
			calls++;
			return calls >= 3 ? {exitCode: 0, output: 'up'} : {exitCode: 7, output: 'connection refused'};
		},
		calls: () => calls,
	};
};

test('after a step, a failing check is retried with backoff until it passes', async t => {
	const service = slowService();
	const [result] = await runChecks([job], {exec: service.exec, settle: true, timeoutMs: 5000});
	t.is(result!.status, 'pass');
	t.is(service.calls(), 3);
});

test('verify stays a single pass: no retry without settle', async t => {
	const service = slowService();
	const [result] = await runChecks([job], {exec: service.exec, timeoutMs: 5000});
	t.is(result!.status, 'fail');
	t.is(service.calls(), 1);
});

test('a check that never passes reports its last failure once the timeout has gone by', async t => {
	let calls = 0;
	const exec: CheckExec = async () => ({exitCode: 1, output: `refused ${++calls}`});
	const [result] = await runChecks([job], {exec, settle: true, timeoutMs: 1200});
	t.is(result!.status, 'fail');
	t.true(calls > 1);
	t.regex(result!.detail, new RegExp(`refused ${calls}.*still failing after ${calls} tries`));
});
