import test from 'ava';
import {afterStep, firstScreen, nextStep, openStep} from '../../source/ui/navigation.js';
import {FakeController, fakeRunbooks, fakeStep} from '../helpers/fake-controller.js';

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
	// Parameters are asked before the first step that needs them, not on the first screen.
	t.is(firstScreen(new FakeController({parameters}), {mode: 'run', isRoot: true}).name, 'checklist');
	t.deepEqual(firstScreen(new FakeController({statuses: {'homeserver.install/1': 'done'}}), {mode: 'run', isRoot: true, only: true}), {
		name: 'step',
		stepId: 'homeserver.install/2',
	});
});

test('a step opens after the settings its procedure uses and nobody answered; with --set only the missing ones', t => {
	const parameters = [
		{name: 'domain', literal: 'tomesh.net', type: 'domain' as const, default: 'tomesh.net', line: 1},
		{name: 'version', literal: 'VERSION', type: 'version' as const, line: 2},
	];
	const runbooks = fakeRunbooks();
	runbooks[1]!.steps[0] = fakeStep('homeserver.configure', 1, 'Check out', {actions: [{kind: 'run', as: 'root', command: 'git checkout VERSION', line: 1}]});
	const controller = new FakeController({parameters, runbooks});
	t.deepEqual(openStep(controller, 'homeserver.install/1'), {name: 'step', stepId: 'homeserver.install/1'});
	t.deepEqual(openStep(controller, 'homeserver.configure/1'), {name: 'params', runbookId: 'homeserver.configure', then: {name: 'step', stepId: 'homeserver.configure/1'}});
	controller.setValues({version: 'v1.2'});
	t.is(openStep(controller, 'homeserver.configure/1').name, 'step');
});

test('the walkthrough stops between a setup procedure and a maintenance one', t => {
	const runbooks = fakeRunbooks();
	runbooks[1] = {...runbooks[1]!, title: 'Update Synapse Version'};
	const controller = new FakeController({runbooks, statuses: {'homeserver.install/1': 'done', 'homeserver.install/2': 'done', 'homeserver.install/3': 'done'}});
	t.deepEqual(afterStep(controller, 'homeserver.install/3', '✔ done'), {name: 'between', from: 'homeserver.install', stepId: 'homeserver.configure/1', flash: '✔ done'});
	t.deepEqual(afterStep(controller, 'homeserver.install/3', '✔ done', new Set(['homeserver.configure'])), {name: 'step', stepId: 'web.nginx/1', flash: '✔ done'});
	t.is(afterStep(new FakeController({runbooks}), 'homeserver.install/1', '✔ done').name, 'step');
});
