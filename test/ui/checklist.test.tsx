import test from 'ava';
import {render} from 'ink-testing-library';
import {Checklist} from '../../source/ui/screens/checklist.js';
import {FakeController} from '../helpers/fake-controller.js';
import {keys, waitForFrame} from '../helpers/wait-for.js';

const noop = () => undefined;

test('groups runbooks by component with a mark and done/total, first unfinished highlighted', async t => {
	const controller = new FakeController({
		statuses: {
			'homeserver.install/1': 'done',
			'homeserver.install/2': 'done',
			'homeserver.install/3': 'done',
			'homeserver.configure/1': 'done',
			'homeserver.configure/2': 'failed',
		},
	});
	const {lastFrame, unmount} = render(<Checklist controller={controller} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, 'Install nginx');
	t.regex(frame, /Set Up Matrix Homeserver\n\s*✔ Install Synapse Homeserver 3\/3/);
	t.regex(frame, /❯ ✖ Configure Synapse 1\/2/);
	t.regex(frame, /Set Up Web Client\n\s*○ Install nginx 0\/2/);
	t.regex(frame, /Resume:.*Configure Synapse › step 2: Start the server \(failed last time\)/);
	unmount();
});

test('Enter opens the resume step; arrows choose another runbook', async t => {
	const controller = new FakeController({statuses: {'homeserver.install/1': 'done'}});
	const opened: string[] = [];
	const {lastFrame, stdin, unmount} = render(<Checklist controller={controller} onOpenStep={id => opened.push(id)} onVerify={noop} onQuit={noop} />);
	await waitForFrame(lastFrame, '❯ ◐ Install Synapse Homeserver 1/3');
	stdin.write(keys.enter);
	await waitForFrame(() => opened.join(','), 'homeserver.install/2');
	stdin.write(keys.down);
	await waitForFrame(lastFrame, '❯ ○ Configure Synapse');
	stdin.write(keys.down);
	await waitForFrame(lastFrame, '❯ ○ Install nginx');
	stdin.write(keys.enter);
	await waitForFrame(() => opened.join(','), 'web.nginx/1');
	t.deepEqual(opened, ['homeserver.install/2', 'web.nginx/1']);
	unmount();
});

test('Down, Down and Enter in one read (typed ahead over SSH) open the runbook the arrows moved to', async t => {
	const controller = new FakeController();
	const opened: string[] = [];
	const {lastFrame, stdin, unmount} = render(<Checklist controller={controller} onOpenStep={id => opened.push(id)} onVerify={noop} onQuit={noop} />);
	await waitForFrame(lastFrame, '❯ ○ Install Synapse Homeserver');
	stdin.write(keys.down + keys.down + keys.enter);
	await waitForFrame(() => opened.join(','), 'web.nginx/1');
	t.deepEqual(opened, ['web.nginx/1']);
	unmount();
});

test('the resume line says when the server rebooted, and after which procedure\'s step', async t => {
	const controller = new FakeController({statuses: {'homeserver.install/1': 'done'}, rebooted: true});
	const {lastFrame, unmount} = render(<Checklist controller={controller} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, 'rebooted');
	t.regex(frame, /The server rebooted — continuing with Install Synapse Homeserver › step 2: Install dependencies/);
	unmount();
	const named = new FakeController({statuses: {'homeserver.install/1': 'done', 'homeserver.install/2': 'done', 'homeserver.install/3': 'done'}, rebooted: true, rebootedBy: 'homeserver.install/3'});
	const second = render(<Checklist controller={named} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const line = await waitForFrame(second.lastFrame, 'rebooted');
	t.regex(line.replaceAll('\n', ' '), /The server rebooted after Install Synapse Homeserver › step 3 — continuing with Configure Synapse › step 1/);
	second.unmount();
});

test('q quits', async t => {
	let quit = false;
	const {lastFrame, stdin, unmount} = render(
		<Checklist
			controller={new FakeController()}
			onOpenStep={noop}
			onVerify={noop}
			onQuit={() => {
				quit = true;
			}}
		/>,
	);
	await waitForFrame(lastFrame, 'Start with');
	stdin.write('q');
	await waitForFrame(() => String(quit), 'true');
	t.true(quit);
	unmount();
});

test('under the title: what the document is written for and what supersedes it', async t => {
	const controller = new FakeController();
	Object.assign(controller.documents[0]!, {writtenFor: 'Debian 8 (2016)', supersededBy: 'matrix-chat.md'});
	const {lastFrame, unmount} = render(<Checklist controller={controller} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, 'superseded');
	t.regex(frame, /^Fake\nwritten for Debian 8 \(2016\) — superseded by matrix-chat\.md\n/);
	unmount();
});
