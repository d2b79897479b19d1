import test from 'ava';
import {render} from 'ink-testing-library';
import {ParamsForm} from '../../source/ui/screens/params-form.js';
import {parameterProblem} from '../../source/ui/param-validation.js';
import {FakeController} from '../helpers/fake-controller.js';
import {keys, waitFor, waitForFrame} from '../helpers/wait-for.js';

const parameters = [
	{name: 'domain', literal: 'tomesh.net', type: 'domain' as const, default: 'tomesh.net', prompt: 'Domain of the chat server', line: 1},
	{name: 'email', literal: 'admin@tomesh.net', type: 'email' as const, default: 'admin@tomesh.net', line: 2},
];

test('an invalid hostname is rejected with a message as it is typed, and Enter does not save it', async t => {
	const controller = new FakeController({parameters});
	let done = false;
	const {lastFrame, stdin, unmount} = render(<ParamsForm controller={controller} parameters={controller.parameters} onDone={() => (done = true)} onQuit={() => undefined} />);
	await waitForFrame(lastFrame, 'tomesh.net');
	stdin.write(' bad_host!');
	const frame = await waitForFrame(lastFrame, '✖ expected a host name');
	t.true(frame.includes('tomesh.net bad_host!'));
	stdin.write(keys.enter);
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, '❯ Domain of the chat server');
	t.false(done);
	t.deepEqual(controller.calls, []);
	unmount();
});

test('valid values are saved through the controller, then the form is done', async t => {
	const controller = new FakeController({parameters});
	let done = false;
	const {lastFrame, stdin, unmount} = render(<ParamsForm controller={controller} parameters={controller.parameters} onDone={() => (done = true)} onQuit={() => undefined} />);
	await waitForFrame(lastFrame, '❯ Domain of the chat server');
	for (let left = 'tomesh.net'.length - 1; left >= 0; left--) {
		stdin.write(keys.backspace);
		// One key at a time, as typed: wait for each to show.
		const value = 'tomesh.net'.slice(0, left).replaceAll('.', '\\.');
		await waitForFrame(lastFrame, new RegExp(`\\(domain\\)\\n *${value} *\\n`));
	}

	stdin.write('chat.example.org');
	await waitForFrame(lastFrame, 'chat.example.org');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, '❯ email');
	stdin.write(keys.enter);
	await waitFor(() => done, 'the form to finish');
	t.deepEqual(controller.calls, ['setValues {"domain":"chat.example.org","email":"admin@tomesh.net"}']);
	unmount();
});

test('a burst of keys in one read (held Backspace, a paste and Enter) builds on each key', async t => {
	const controller = new FakeController({parameters});
	let done = false;
	const {lastFrame, stdin, unmount} = render(<ParamsForm controller={controller} parameters={controller.parameters} onDone={() => (done = true)} onQuit={() => undefined} />);
	await waitForFrame(lastFrame, '❯ Domain of the chat server');
	stdin.write(keys.backspace.repeat('tomesh.net'.length) + 'chat.example.org\r');
	await waitForFrame(lastFrame, '❯ email');
	stdin.write('\r');
	await waitFor(() => done, 'the form to finish');
	t.deepEqual(controller.calls, ['setValues {"domain":"chat.example.org","email":"admin@tomesh.net"}']);
	unmount();
});

test('Enter, Enter, Enter in one read: a value typed, every field passed, the values saved once', async t => {
	const controller = new FakeController({parameters: [...parameters, {name: 'admin', literal: 'ADMIN', type: 'text' as const, default: 'admin', line: 3}]});
	let done = 0;
	const {lastFrame, stdin, unmount} = render(<ParamsForm controller={controller} parameters={controller.parameters} onDone={() => done++} onQuit={() => undefined} />);
	await waitForFrame(lastFrame, '❯ Domain of the chat server');
	stdin.write(`${keys.backspace.repeat('tomesh.net'.length)}mine.net${keys.enter.repeat(5)}`);
	await waitFor(() => done > 0, 'the form to finish');
	t.deepEqual(controller.calls, ['setValues {"domain":"mine.net","email":"admin@tomesh.net","admin":"admin"}']);
	t.is(done, 1);
	unmount();
});

test('validation by type', t => {
	t.is(parameterProblem('domain', 'chat.example.org'), undefined);
	t.truthy(parameterProblem('domain', 'not a host'));
	t.truthy(parameterProblem('domain', ''));
	t.is(parameterProblem('email', 'a@b.org'), undefined);
	t.truthy(parameterProblem('email', 'a@'));
	t.is(parameterProblem('ip', '192.0.2.1'), undefined);
	t.truthy(parameterProblem('ip', '300.1.1.1'));
	t.is(parameterProblem('ipv6', '2001:db8::1'), undefined);
	t.is(parameterProblem('version', 'v0.18.0'), undefined);
	t.truthy(parameterProblem('version', 'a b'));
	t.is(parameterProblem('path', '/root/x.tar.gz'), undefined);
});
