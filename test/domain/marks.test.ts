import test from 'ava';
import {failureText} from '../../source/domain/failure-text.js';
import {checkMarks, runbookMarks, runbookStanding, stepMarks, type RunbookStanding} from '../../source/domain/marks.js';
import type {StepStatus} from '../../source/domain/types.js';

test('skipped never wears the done mark, for steps, runbooks and checks', t => {
	t.not(stepMarks.skipped, stepMarks.done);
	t.not(runbookMarks.skipped, runbookMarks.done);
	t.not(checkMarks.skip, checkMarks.pass);
	t.is(new Set(Object.values(stepMarks)).size, Object.keys(stepMarks).length, 'every step status has its own mark');
});

test('a runbook is done only when every step is done', t => {
	const cases: Array<[StepStatus[], RunbookStanding]> = [
		[['done', 'done'], 'done'],
		[['done', 'skipped'], 'skipped'],
		[['skipped', 'skipped'], 'skipped'],
		[['failed', 'skipped'], 'failed'],
		[['done', 'pending'], 'started'],
		[['skipped', 'pending'], 'started'],
		[['pending', 'pending'], 'pending'],
		[['done', 'interrupted'], 'interrupted'],
		[['awaiting-reboot', 'pending'], 'interrupted'],
	];
	for (const [statuses, standing] of cases) t.is(runbookStanding(statuses), standing, statuses.join(','));
});

test('failure text: the exit code or signal, then the message; never "exit code 0"', t => {
	t.is(failureText({exitCode: 3}), 'exit code 3');
	t.is(failureText({exitCode: 0, message: 'check failed: x'}), 'check failed: x');
	t.is(failureText({exitCode: null, signal: 'SIGTERM'}), 'killed by SIGTERM');
	t.is(failureText({exitCode: 1, message: 'nginx -t failed'}), 'exit code 1: nginx -t failed');
	t.is(failureText({}), '');
});
