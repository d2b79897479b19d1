import test from 'ava';
import {render} from 'ink-testing-library';
import {App, type TuiResult} from '../../source/ui/app.js';
import {FakeController, fakeRunbooks, fakeStep} from '../helpers/fake-controller.js';
import {keys, waitFor, waitForFrame} from '../helpers/wait-for.js';

test('Enter walks the steps: each step is previewed, runs, and the next one opens', async t => {
	const controller = new FakeController();
	const {lastFrame, stdin, unmount} = render(<App controller={controller} mode="run" isRoot onExit={() => undefined} />);
	await waitForFrame(lastFrame, 'Start with Install Synapse Homeserver › step 1');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, '[root] # echo 1');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, '✔ Step 1 done');
	await waitForFrame(lastFrame, 'step 2 of 3');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, '✔ Step 2 done');
	t.deepEqual(controller.calls, ['runStep homeserver.install/1', 'runStep homeserver.install/2']);
	unmount();
});

test('--only opens the first unfinished step directly; q quits with code 0', async t => {
	const controller = new FakeController({runbooks: new FakeController().runbooks.slice(2), statuses: {'web.nginx/1': 'done'}});
	let result: TuiResult | undefined;
	const {lastFrame, stdin, unmount} = render(<App controller={controller} mode="run" only isRoot onExit={r => (result = r)} />);
	await waitForFrame(lastFrame, 'Set Up Web Client › Install nginx › step 2 of 2');
	stdin.write('q');
	await waitFor(() => result, 'the app to exit');
	t.deepEqual(result, {code: 0, next: undefined});
	unmount();
});

test('not root and no --state: says so and offers plan', async t => {
	let result: TuiResult | undefined;
	const {lastFrame, stdin, unmount} = render(<App controller={new FakeController()} mode="run" isRoot={false} onExit={r => (result = r)} />);
	await waitForFrame(lastFrame, 'needs root');
	stdin.write('p');
	await waitFor(() => result, 'the app to exit');
	t.is(result?.next, 'plan');
	unmount();
});

test('verify mode: checks grouped by runbook in document order with step numbers, a summary, exit code 1 on a failure', async t => {
	const controller = new FakeController({
		// In the order they finished: the web client's first, a later step before an earlier one.
		checks: [
			{runbook: 'web.nginx', step: 'web.nginx/1', title: 'nginx answers on :80', status: 'fail', detail: 'connection refused', hint: 'start nginx'},
			{runbook: 'homeserver.install', step: 'homeserver.install/3', title: 'the virtualenv exists', status: 'pass', detail: 'ok'},
			{runbook: 'homeserver.install', step: 'homeserver.install/1', title: 'python3 is installed', status: 'pass', detail: 'ok'},
		],
	});
	let result: TuiResult | undefined;
	const {lastFrame, stdin, unmount} = render(<App controller={controller} mode="verify" isRoot onExit={r => (result = r)} />);
	const frame = await waitForFrame(lastFrame, '2 passed, 1 failed, 0 skipped');
	t.regex(frame, /Install Synapse Homeserver\n\s+✔ 1\. python3 is installed\n\s+✔ 3\. the virtualenv exists\n\n\s*Install nginx\n\s+✖ 1\. nginx answers on :80 — connection refused\n\s+→ start nginx/);
	stdin.write('q');
	await waitFor(() => result, 'the app to exit');
	t.is(result?.code, 1);
	unmount();
});

test('a procedure\'s parameters are asked before its first step, once', async t => {
	const parameters = [{name: 'domain', literal: 'tomesh.net', type: 'domain' as const, default: 'tomesh.net', line: 1}];
	const runbooks = fakeRunbooks();
	runbooks[0]!.steps[0] = fakeStep('homeserver.install', 1, 'Name the server', {actions: [{kind: 'run', as: 'root', command: 'hostname tomesh.net', line: 1}]});
	const controller = new FakeController({parameters, runbooks});
	const {lastFrame, stdin, unmount} = render(<App controller={controller} mode="run" isRoot onExit={() => undefined} />);
	await waitForFrame(lastFrame, 'Start with');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, 'Install Synapse Homeserver uses these values');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, 'hostname tomesh.net');
	t.deepEqual(controller.calls.filter(call => call.startsWith('setValues')), ['setValues {"domain":"tomesh.net"}']);
	unmount();
});

test('p on the checklist edits the settings and names the done steps that used the old value', async t => {
	const parameters = [{name: 'domain', literal: 'tomesh.net', type: 'domain' as const, default: 'tomesh.net', line: 1}];
	const runbooks = fakeRunbooks();
	runbooks[0]!.steps[0] = fakeStep('homeserver.install', 1, 'Name the server', {actions: [{kind: 'run', as: 'root', command: 'hostname tomesh.net', line: 1}]});
	const controller = new FakeController({parameters, runbooks, values: {domain: 'tomesh.net'}, statuses: {'homeserver.install/1': 'done'}});
	const {lastFrame, stdin, unmount} = render(<App controller={controller} mode="run" isRoot onExit={() => undefined} />);
	await waitForFrame(lastFrame, 'p  settings');
	stdin.write('p');
	await waitForFrame(lastFrame, "This server's settings");
	stdin.write('\u007F'.repeat(10) + 'example.org');
	await waitForFrame(lastFrame, 'example.org');
	stdin.write(keys.enter);
	const frame = await waitForFrame(lastFrame, 'Done steps that used the old value: Install Synapse Homeserver 1');
	t.regex(frame, /Saved domain/);
	t.is(controller.values()['domain'], 'example.org');
	unmount();
});
