import {tmpdir} from 'node:os';
import test from 'ava';
import type {RunEvent} from '../../../source/domain/events.js';
import type {Runbook, Step} from '../../../source/domain/types.js';
import type {CheckExec} from '../../../source/engine/checks/context.js';
import {planRunbook} from '../../../source/domain/plan/plan-runbook.js';
import {missingParameterReason, runChecks, stepCheckJobs, type CheckJob} from '../../../source/engine/checks/run-checks.js';

const job = (command: string, extra: Partial<CheckJob> = {}): CheckJob => ({
	runbook: 'rb',
	step: 'rb/1',
	check: {kind: 'command', as: 'root', command, line: 1},
	cwd: tmpdir(),
	home: '/root',
	env: {},
	...extra,
});

test('checks run concurrently: each starts before any finishes', async t => {
	const started: string[] = [];
	let release!: () => void;
	const allStarted = new Promise<void>(resolve => {
		release = resolve;
	});
	// Each command resolves only once all three have started: run one after the other, they would all time out.
	const exec: CheckExec = async command => {
		started.push(command);
		if (started.length === 3) release();
		await allStarted;
		return {exitCode: 0, output: ''};
	};

	const results = await runChecks([job('a'), job('b'), job('c')], {exec, timeoutMs: 5000});
	t.deepEqual(results.map(result => result.status), ['pass', 'pass', 'pass']);
});

test('one event per check as it finishes, results in job order', async t => {
	const events: RunEvent[] = [];
	let releaseSlow!: () => void;
	const slow = new Promise<void>(resolve => {
		releaseSlow = resolve;
	});
	const exec: CheckExec = async command => {
		if (command === 'slow') await slow;
		else releaseSlow();
		return {exitCode: command === 'slow' ? 0 : 1, output: 'boom'};
	};

	const results = await runChecks([job('slow'), job('fast')], {exec, onEvent: event => events.push(event)});
	t.deepEqual(results.map(result => result.title), ['`slow` succeeds', '`fast` succeeds']);
	t.deepEqual(events.map(event => (event.type === 'check' ? event.result.title : '')), ['`fast` succeeds', '`slow` succeeds']);
	t.is(results[1]!.detail, 'exited 1: boom');
});

test('a runner that ignores its signal still ends at the timeout', async t => {
	const exec: CheckExec = async () => new Promise(() => undefined);
	const [result] = await runChecks([job('hang')], {exec, timeoutMs: 100});
	t.is(result!.status, 'fail');
	t.is(result!.detail, 'timed out after 100 ms');
});

test('a skipped job is reported with its reason and not run', async t => {
	let ran = false;
	const exec: CheckExec = async () => {
		ran = true;
		return {exitCode: 0, output: ''};
	};

	const [result] = await runChecks([job('x', {skip: 'parameter VERSION has no value'})], {exec});
	t.false(ran);
	t.like(result, {status: 'skip', detail: 'parameter VERSION has no value'});
});

test('an unexpected error becomes a failure with its message', async t => {
	const exec: CheckExec = async () => {
		throw new Error('EACCES: permission denied');
	};

	const [result] = await runChecks([job('x')], {exec});
	t.like(result, {status: 'fail', detail: 'EACCES: permission denied'});
});

const step: Step = {
	id: 'rb/2',
	number: 2,
	line: 5,
	title: 'Update to VERSION',
	markdown: '',
	notes: [],
	checks: [{kind: 'port', host: '127.0.0.1', port: 8008, line: 6}],
	actions: [{kind: 'edit', path: 'a.yaml', edit: {op: 'append-line', line: 'x: 1'}, line: 7}],
};
const runbook: Runbook = {id: 'rb', title: 'Runbook', group: '', line: 1, steps: [step]};

test('a step gives its own checks and one per file action, in the session', t => {
	const planned = {runbook, steps: runbook.steps, plans: planRunbook(runbook.steps, {cwd: '/start', home: '/root', env: {}}, () => undefined)};
	const jobs = stepCheckJobs(planned, 0, {cwd: '/srv', home: '/root', env: {A: '1'}});
	t.deepEqual(jobs.map(item => [item.check.kind, item.cwd, item.stepTitle]), [
		['port', '/srv', 'Update to VERSION'],
		['file-action', '/srv', 'Update to VERSION'],
	]);
});

test('a runbook using a parameter without a value gives a skip reason', t => {
	const parameters = [{name: 'version', literal: 'VERSION', type: 'version' as const, line: 1}];
	t.is(missingParameterReason(runbook, parameters, {}), 'parameter version has no value (set it with --set version=…)');
	t.is(missingParameterReason(runbook, parameters, {version: 'v1'}), undefined);
	t.is(missingParameterReason({...runbook, steps: []}, parameters, {}), undefined);
});

test('checks of a step after an absolute cd run there, even before anything ran', t => {
	const make = (number: number, actions: Step['actions']): Step => ({...step, id: `rb/${number}`, number, actions, checks: []});
	const steps = [
		make(1, [{kind: 'run', as: 'root', command: 'mkdir -p /srv/app', line: 1}]),
		make(2, [{kind: 'run', as: 'root', command: 'cd /srv/app', line: 2}, {kind: 'run', as: 'root', command: 'generate > app.yaml', line: 3}]),
		make(3, [{kind: 'edit', path: 'app.yaml', edit: {op: 'append-line', line: 'x: 1'}, line: 4}]),
		make(4, [{kind: 'run', as: 'root', command: 'cd data', line: 5}]),
	];
	const book: Runbook = {...runbook, steps};
	const port = {kind: 'port' as const, host: 'h', port: 1, line: 1};
	const withPort = steps.map(item => ({...item, checks: [port]}));
	const planned = {runbook: book, steps: withPort, plans: planRunbook(withPort, {cwd: '/origin', home: '/root', env: {}}, () => undefined)};
	const cwdOf = (index: number, cwd: string) => stepCheckJobs(planned, index, {cwd, home: '/root', env: {}})[0]!.cwd;
	t.is(cwdOf(0, '/start'), '/start', 'nothing fixes it: the session knows');
	t.is(cwdOf(1, '/start'), '/srv/app', "the step's own cd counts");
	t.is(cwdOf(2, '/start'), '/srv/app');
	t.is(cwdOf(3, '/elsewhere'), '/srv/app/data', 'a relative cd from a fixed directory is fixed too');
});
