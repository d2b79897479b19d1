import test from 'ava';
import type {CheckResult} from '../../../source/domain/events.js';
import type {Runbook, StepStatus} from '../../../source/domain/types.js';
import type {StepProgress} from '../../../source/engine/controller-types.js';
import {describeRepairReasons, selectRepairs} from '../../../source/engine/repair/select-repairs.js';

// Two procedures of three steps; `states` gives each step's status and whether its text changed ('done*').
function progress(states: Record<string, StepStatus | 'done*'>): StepProgress[] {
	return ['a', 'b'].flatMap(id => {
		const runbook: Runbook = {id, title: id, group: '', line: 1, steps: []};
		return [1, 2, 3].map(number => {
			const stepId = `${id}/${number}`;
			const state = states[stepId] ?? 'done';
			const step = {id: stepId, number, line: number, title: `step ${stepId}`, markdown: '', actions: [], checks: [], notes: []};
			return {runbook, step, status: state === 'done*' ? 'done' : state, changed: state === 'done*'};
		});
	});
}

const fail = (step: string): CheckResult => ({runbook: step.split('/')[0]!, step, title: `check of ${step}`, status: 'fail', detail: 'exited 1'});
const pass = (step: string): CheckResult => ({...fail(step), status: 'pass', detail: 'exited 0'});
const chosen = (states: Record<string, StepStatus | 'done*'>, results: CheckResult[]) =>
	selectRepairs(progress(states), results).map(item => `${item.progress.step.id}:${item.reasons.map(reason => reason.kind).join('+')}`);

const cases: Array<[string, Record<string, StepStatus | 'done*'>, CheckResult[], string[]]> = [
	['everything passes', {}, ['a/1', 'b/2'].map(pass), []],
	['a failing check, then the rest of its procedure', {}, [fail('a/2'), pass('a/3')], ['a/2:check-failed', 'a/3:follows']],
	['a changed text, then the rest of its procedure', {'b/1': 'done*'}, [], ['b/1:changed', 'b/2:follows', 'b/3:follows']],
	['both reasons on one step', {'a/3': 'done*'}, [fail('a/3')], ['a/3:check-failed+changed']],
	['each procedure on its own', {}, [fail('a/3'), fail('b/2')], ['a/3:check-failed', 'b/2:check-failed', 'b/3:follows']],
	['steps not done are left to a plain run', {'a/1': 'pending', 'a/2': 'failed', 'a/3': 'skipped'}, ['a/1', 'a/2', 'a/3'].map(fail), []],
	['a step not done does not start a procedure\'s repair', {'a/2': 'interrupted'}, [fail('a/2')], []],
	['a skipped check is no failure', {}, [{...fail('a/1'), status: 'skip'}], []],
];

for (const [name, states, results, expected] of cases) {
	test(`selectRepairs: ${name}`, t => {
		t.deepEqual(chosen(states, results), expected);
	});
}

test('describeRepairReasons names the first failing check and counts the others', t => {
	const [item] = selectRepairs(progress({'a/1': 'done*'}), [fail('a/1'), {...fail('a/1'), title: 'second'}]);
	t.is(describeRepairReasons(item!.reasons), 'check failed: check of a/1: exited 1 (+1 more); its text changed since it was done');
	const follows = selectRepairs(progress({}), [fail('b/2')])[1]!;
	t.is(describeRepairReasons(follows.reasons), 'follows b/2, which runs again');
});
