import test from 'ava';
import {render} from 'ink-testing-library';
import {Checklist} from '../../source/ui/screens/checklist.js';
import {StepScreen} from '../../source/ui/screens/step-screen.js';
import {FakeController, fakeRunbooks} from '../helpers/fake-controller.js';
import {waitForFrame} from '../helpers/wait-for.js';

const noop = () => undefined;

/** The fake document with one outdated instruction: a TLSv1 nginx site in web.nginx/2. */
function outdatedController() {
	const runbooks = fakeRunbooks();
	const step = runbooks[2]!.steps[1]!;
	step.actions = [{kind: 'write', path: '/etc/nginx/sites-available/chat', content: 'server {\n    ssl_protocols TLSv1 TLSv1.2;\n}\n', line: 40}];
	return new FakeController({runbooks});
}

test('the checklist marks a document with outdated instructions', async t => {
	const {lastFrame, unmount} = render(<Checklist controller={outdatedController()} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	// The warning joins the list after its first frame.
	const frame = await waitForFrame(lastFrame, 'outdated instruction');
	t.regex(frame, /⚠ Fake: 1 outdated instruction \(tomesh-setup lint\)/);
	unmount();
});

test('the checklist of a current document has no mark', async t => {
	const {lastFrame, unmount} = render(<Checklist controller={new FakeController()} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, 'Install nginx');
	t.false(frame.includes('⚠'));
	unmount();
});

test('the step screen shows its own step\'s finding with the replacement, and other steps none', async t => {
	const controller = outdatedController();
	const handlers = {onRun: noop, onSkip: noop, onBack: noop, onQuit: noop};
	const outdated = render(<StepScreen controller={controller} stepId="web.nginx/2" {...handlers} />);
	const frame = await waitForFrame(outdated.lastFrame, 'Outdated');
	t.regex(frame.replaceAll('\n', ' '), /⚠ Outdated \(tls-old-protocols, line 41\): enables TLSv1 \/ TLSv1\.1 .*instead: ssl_protocols TLSv1\.2 TLSv1\.3;/);
	outdated.unmount();
	const other = render(<StepScreen controller={controller} stepId="web.nginx/1" {...handlers} />);
	t.false((await waitForFrame(other.lastFrame, 'What will happen')).includes('Outdated'));
	other.unmount();
});
