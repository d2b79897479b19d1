import test from 'ava';
import {firstScreen, nextStep} from '../../source/ui/navigation.js';
import {FakeController} from '../helpers/fake-controller.js';

test('the next step skips finished ones and crosses into the next runbook', t => {
	const controller = new FakeController({statuses: {'homeserver.install/2': 'done', 'homeserver.configure/1': 'skipped'}});
	t.is(nextStep(controller, 'homeserver.install/1'), 'homeserver.install/3');
	controller.statuses.set('homeserver.install/1', 'done');
	controller.statuses.set('homeserver.install/3', 'done');
	t.is(nextStep(controller, 'homeserver.install/3'), 'homeserver.configure/2');
});

test('the first screen: verify, not root, the settings form, --only, the checklist', t => {
	const parameters = [{name: 'domain', literal: 'tomesh.net', type: 'domain' as const, default: 'tomesh.net', line: 1}];
	t.is(firstScreen(new FakeController(), {mode: 'verify', isRoot: false}).name, 'verify');
	t.is(firstScreen(new FakeController(), {mode: 'run', isRoot: false}).name, 'not-root');
	t.is(firstScreen(new FakeController(), {mode: 'run', isRoot: false, trial: true}).name, 'checklist');
	t.is(firstScreen(new FakeController({parameters}), {mode: 'run', isRoot: true}).name, 'params');
	t.is(firstScreen(new FakeController({parameters}), {mode: 'run', isRoot: true, preset: true}).name, 'checklist');
	t.is(firstScreen(new FakeController({parameters, values: {domain: 'chat.example.org'}}), {mode: 'run', isRoot: true}).name, 'checklist');
	t.deepEqual(firstScreen(new FakeController({statuses: {'homeserver.install/1': 'done'}}), {mode: 'run', isRoot: true, only: true}), {
		name: 'step',
		stepId: 'homeserver.install/2',
	});
});
