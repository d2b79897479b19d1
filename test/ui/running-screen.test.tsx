import test from 'ava';
import {render} from 'ink-testing-library';
import {maxLineLength} from '../../source/ui/hooks/use-run.js';
import {RunningScreen} from '../../source/ui/screens/running-screen.js';
import {FakeController} from '../helpers/fake-controller.js';
import {keys, waitFor, waitForFrame} from '../helpers/wait-for.js';

const handlers = {onDone() {}, onSkip() {}, onBack() {}, onQuit() {}};

test('a failing step shows the exit code and last lines; r retries and success moves on', async t => {
	const controller = new FakeController({
		outcomes: {'homeserver.install/2': [{status: 'failed', exitCode: 100, output: ['Reading package lists...', 'E: Unable to locate package python-virtualenv']}]},
	});
	const done: string[] = [];
	const {lastFrame, stdin, unmount} = render(<RunningScreen controller={controller} stepId="homeserver.install/2" {...handlers} onDone={(id, summary) => done.push(`${id}: ${summary}`)} />);
	const frame = await waitForFrame(lastFrame, '✖ Failed (exit code 100)');
	t.true(frame.includes('E: Unable to locate package python-virtualenv'));
	t.regex(frame, /r\s+retry.*s\s+skip.*!\s+shell here.*q\s+quit/s);
	stdin.write('r');
	await waitFor(() => done.length > 0, 'the retried step to finish');
	t.deepEqual(controller.calls, ['runStep homeserver.install/2', 'runStep homeserver.install/2']);
	t.deepEqual(done, ['homeserver.install/2: ✔ Step 2 done']);
	unmount();
});

test('Ctrl-C aborts the running step, which ends interrupted, and the screen stays', async t => {
	const controller = new FakeController({outcomes: {'web.nginx/1': [{status: 'done', waitForAbort: true, output: ['working']}]}});
	let quit: number | undefined;
	const {lastFrame, stdin, unmount} = render(<RunningScreen controller={controller} stepId="web.nginx/1" {...handlers} onQuit={code => (quit = code)} />);
	await waitForFrame(lastFrame, 'Ctrl-C');
	await waitForFrame(lastFrame, 'working');
	stdin.write(keys.ctrlC);
	const frame = await waitForFrame(lastFrame, '! Interrupted');
	t.regex(frame, /m\s+mark done/);
	t.is(controller.statuses.get('web.nginx/1'), 'interrupted');
	t.is(quit, undefined, 'the TUI did not quit');
	unmount();
});

test('keeps a bounded tail of a long output and says how much there was', async t => {
	const output = Array.from({length: 5000}, (_, i) => `line ${i}`);
	const controller = new FakeController({outcomes: {'web.nginx/1': [{status: 'failed', exitCode: 2, output}]}});
	const {lastFrame, unmount} = render(<RunningScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	const frame = await waitForFrame(lastFrame, '5000 lines of output');
	t.true(frame.includes('line 4999'));
	t.false(frame.includes('line 4000\n'));
	unmount();
});

test('a thinned flood shows its size and only lines after the last gap', async t => {
	const chunks = [
		{text: 'head 1\nhead 2\n'},
		{text: 'middle\n', skipped: 400_000_000},
		{text: 'end 1\nend 2\n', skipped: 600_000_000},
	];
	const controller = new FakeController({outcomes: {'web.nginx/1': [{status: 'failed', exitCode: 1, chunks}]}});
	const {lastFrame, unmount} = render(<RunningScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	const frame = await waitForFrame(lastFrame, 'of output');
	t.true(frame.includes('1.0 GB of output, the last 2 lines shown'), frame);
	t.true(frame.includes('end 2'));
	t.false(frame.includes('middle'), 'nothing from before a gap is shown next to what came after it');
	unmount();
});

test('a very long output line is cut before it is drawn', async t => {
	const controller = new FakeController({outcomes: {'web.nginx/1': [{status: 'failed', exitCode: 1, output: ['#'.repeat(100_000), 'after']}]}});
	const {lastFrame, unmount} = render(<RunningScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	const frame = await waitForFrame(lastFrame, 'after');
	const drawn = frame.replaceAll(/[^#…]/g, '');
	t.is(drawn?.length, maxLineLength + 1, frame);
	unmount();
});

test('a quiet command shows "no output for N s" after the title while it runs, and not once the step ended', async t => {
	const controller = new FakeController({outcomes: {'web.nginx/1': [{status: 'done', waitForAbort: true, output: ['Unpacking…'], silences: [10, 20]}]}});
	const {lastFrame, stdin, unmount} = render(<RunningScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	const frame = await waitForFrame(lastFrame, 'no output for 20 s');
	t.regex(frame, /Configure nginx|\d+\. .* s — no output for 20 s \(still running\)/);
	t.false(frame.includes('no output for 10 s'), 'the newer note replaces the older one');
	stdin.write(keys.ctrlC);
	const ended = await waitForFrame(lastFrame, '! Interrupted');
	t.false(ended.includes('no output for'));
	unmount();
});
