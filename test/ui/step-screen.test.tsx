import test from 'ava';
import {render} from 'ink-testing-library';
import {StepScreen} from '../../source/ui/screens/step-screen.js';
import {FakeController, fakeRunbooks} from '../helpers/fake-controller.js';
import {keys, waitForFrame} from '../helpers/wait-for.js';

const diff = ['--- homeserver.yaml', '+++ homeserver.yaml', '@@ -1,2 +1,2 @@', ' server_name: chat.example.org', '-enable_registration: False', '+enable_registration: True', ''].join('\n');

function controllerWithDiff() {
	const runbooks = fakeRunbooks();
	const step = runbooks[1]!.steps[0]!;
	step.markdown = 'Enable registration by changing `enable_registration` to `True` in **homeserver.yaml**';
	step.actions = [{kind: 'edit', path: 'homeserver.yaml', edit: {op: 'set-yaml', key: ['enable_registration'], value: 'True'}, line: 3}];
	step.checks = [{kind: 'file', path: 'homeserver.yaml', contains: ['enable_registration: True'], line: 3}];
	runbooks[1]!.steps[1]!.actions = [{kind: 'run', as: 'user', command: 'synctl start', line: 5}];
	return new FakeController({
		runbooks,
		previews: {
			[step.id]: [{action: step.actions[0]!, description: 'edit homeserver.yaml', path: '/root/.synapse/homeserver.yaml', diff}],
		},
	});
}

const handlers = {onRun() {}, onSkip() {}, onBack() {}, onQuit() {}};

test('shows breadcrumb, rendered instructions, the diff and the checks before anything runs', async t => {
	const controller = controllerWithDiff();
	const {lastFrame, unmount} = render(<StepScreen controller={controller} stepId="homeserver.configure/1" {...handlers} />);
	const frame = await waitForFrame(lastFrame, '+enable_registration: True');
	t.true(frame.includes('Set Up Matrix Homeserver › Configure Synapse › step 1 of 2'));
	t.true(frame.includes('[edit] /root/.synapse/homeserver.yaml'));
	t.true(frame.includes('-enable_registration: False'));
	t.true(frame.includes('homeserver.yaml contains enable_registration: True'));
	t.regex(frame, /Enter\s+do it.*s\s+skip.*v\s+checks only.*!\s+shell here.*Esc\s+back.*q\s+quit/s);
	// marked-terminal renders the inline code and bold text: the markdown markers are gone.
	const rendered = await waitForFrame(lastFrame, /to True in homeserver\.yaml/);
	t.false(rendered.includes('`enable_registration`'));
	t.deepEqual(controller.calls, [], 'nothing ran');
	unmount();
});

test('a user command is marked as such; Enter runs, s skips, Esc goes back', async t => {
	const controller = controllerWithDiff();
	const events: string[] = [];
	const {lastFrame, stdin, unmount} = render(
		<StepScreen
			controller={controller}
			stepId="homeserver.configure/2"
			onRun={id => events.push(`run ${id}`)}
			onSkip={id => events.push(`skip ${id}`)}
			onBack={() => events.push('back')}
			onQuit={() => events.push('quit')}
		/>,
	);
	await waitForFrame(lastFrame, '[user] $ synctl start');
	stdin.write(keys.enter);
	stdin.write('s');
	stdin.write(keys.escape);
	await waitForFrame(() => events.join(','), 'back');
	t.deepEqual(events, ['run homeserver.configure/2', 'skip homeserver.configure/2', 'back']);
	unmount();
});

test('v runs the checks only and shows their results', async t => {
	const runbooks = fakeRunbooks();
	const controller = new FakeController({
		runbooks,
		checks: [{runbook: 'web.nginx', step: 'web.nginx/1', title: 'nginx -t', status: 'fail', detail: 'exit 1', hint: 'run nginx -t to see why'}],
	});
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	await waitForFrame(lastFrame, 'What will happen');
	stdin.write('v');
	const frame = await waitForFrame(lastFrame, '✖ nginx -t');
	t.true(frame.includes('→ run nginx -t to see why'));
	t.deepEqual(controller.calls, ['checkStep web.nginx/1']);
	unmount();
});

test('a reboot step asks before running', async t => {
	const runbooks = fakeRunbooks();
	runbooks[2]!.steps[1]!.actions = [{kind: 'reboot', line: 9}];
	const controller = new FakeController({runbooks});
	const ran: string[] = [];
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={controller} stepId="web.nginx/2" {...handlers} onRun={id => ran.push(id)} />);
	await waitForFrame(lastFrame, '[reboot]');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, 'Reboot the server now?');
	t.deepEqual(ran, []);
	stdin.write('y');
	await waitForFrame(() => ran.join(), 'web.nginx/2');
	t.pass();
	unmount();
});

test('Enter does nothing until the preview is on screen', async t => {
	const controller = new FakeController();
	let release!: () => void;
	const gate = new Promise<void>(resolve => {
		release = resolve;
	});
	const preview = controller.preview.bind(controller);
	controller.preview = async stepId => {
		await gate;
		return preview(stepId);
	};

	const ran: string[] = [];
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={controller} stepId="web.nginx/1" {...handlers} onRun={id => ran.push(id)} />);
	await waitForFrame(lastFrame, 'working out the commands');
	stdin.write(keys.enter);
	release();
	await waitForFrame(lastFrame, '[root] # echo 1');
	t.deepEqual(ran, [], 'the early Enter ran nothing');
	stdin.write(keys.enter);
	await waitForFrame(() => ran.join(), 'web.nginx/1');
	unmount();
});
