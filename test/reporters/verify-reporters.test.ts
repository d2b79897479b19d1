import test from 'ava';
import type {CheckResult} from '../../source/domain/events.js';
import type {Runbook} from '../../source/domain/types.js';
import {formatVerifyJson} from '../../source/reporters/verify-json.js';
import {formatVerifyPlain} from '../../source/reporters/verify-plain.js';
import {verifyExitCode} from '../../source/reporters/verify-summary.js';

const step = (id: string, number: number, title: string) => ({id, number, line: number, title, markdown: '', actions: [], checks: [], notes: []});
const runbooks: Runbook[] = [
	{id: 'hs.install', title: 'Install Synapse', group: 'Homeserver', line: 1, steps: [step('hs.install/1', 1, 'Install'), step('hs.install/2', 2, 'Start the server')]},
	{id: 'web.serve', title: 'Serve the web client', group: '', line: 9, steps: [step('web.serve/1', 1, 'Extract')]},
];
// Deliberately out of order: checks finish in any order.
const results: CheckResult[] = [
	{runbook: 'web.serve', step: 'web.serve/1', stepTitle: 'Extract', title: '/var/www/chat exists', status: 'skip', detail: 'parameter version has no value'},
	{runbook: 'hs.install', step: 'hs.install/2', stepTitle: 'Start the server', title: 'port 127.0.0.1:8008 is open', status: 'fail', detail: 'connection refused by 127.0.0.1:8008', hint: 'is the service running?'},
	{runbook: 'hs.install', step: 'hs.install/1', stepTitle: 'Install', title: '`synctl --help` succeeds', status: 'pass', detail: 'exited 0'},
];

test('plain: per runbook, in document order, with marks, reasons and hints', t => {
	t.is(
		formatVerifyPlain(results, runbooks),
		[
			'Homeserver › Install Synapse',
			'  ✔ 1. Install — `synctl --help` succeeds: exited 0',
			'  ✖ 2. Start the server — port 127.0.0.1:8008 is open: connection refused by 127.0.0.1:8008',
			'      hint: is the service running?',
			'',
			'Serve the web client',
			'  – 1. Extract — /var/www/chat exists: parameter version has no value',
			'',
			'1 passed, 1 failed, 1 skipped',
			'',
		].join('\n'),
	);
});

test('json: the contract shape with a summary', t => {
	const report = JSON.parse(formatVerifyJson(results, runbooks));
	t.deepEqual(report.summary, {pass: 1, fail: 1, skip: 1});
	t.deepEqual(report.checks.map((check: CheckResult) => check.step), ['hs.install/1', 'hs.install/2', 'web.serve/1']);
	t.deepEqual(report.checks[1], {
		runbook: 'hs.install',
		step: 'hs.install/2',
		title: 'port 127.0.0.1:8008 is open',
		status: 'fail',
		detail: 'connection refused by 127.0.0.1:8008',
		stepTitle: 'Start the server',
		hint: 'is the service running?',
	});
});

test('exit code: a failure fails verify; skipped checks alone do not', t => {
	t.is(verifyExitCode(results), 1);
	t.is(verifyExitCode(results.filter(result => result.status !== 'fail')), 0);
	t.is(verifyExitCode([]), 0);
});

test('no checks at all says so', t => {
	t.is(formatVerifyPlain([], runbooks), 'no checks to run\n');
});
