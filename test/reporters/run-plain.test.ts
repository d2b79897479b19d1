import test from 'ava';
import type {RunEvent} from '../../source/domain/events.js';
import {failureTailLines, plainRunReporter} from '../../source/reporters/run-plain.js';

function render(events: RunEvent[]): string {
	let text = '';
	const report = plainRunReporter(chunk => {
		text += chunk;
	});
	for (const event of events) report(event);
	return text;
}

const start: RunEvent = {type: 'step-start', runbook: 'a.b', step: 'a.b/1', number: 1, title: 'Install things'};

test('a done step is two lines plus its diff; no output is shown', t => {
	const text = render([
		start,
		{type: 'output', step: 'a.b/1', stream: 'stdout', text: 'noise\n'},
		{type: 'action-end', step: 'a.b/1', index: 0, ok: true, outcome: 'changed', diff: '--- a\n+++ a\n@@ -1 +1 @@\n-x\n+y\n', durationMs: 1},
		{type: 'action-end', step: 'a.b/1', index: 1, ok: true, outcome: 'unchanged', diff: '', message: '/etc/x is already right', durationMs: 1},
		{type: 'action-end', step: 'a.b/1', index: 2, ok: true, outcome: 'ran', exitCode: 0, durationMs: 1},
		{type: 'step-end', runbook: 'a.b', step: 'a.b/1', status: 'done', durationMs: 1500},
	]);
	t.is(text, '▶ a.b/1 Install things\n  --- a\n  +++ a\n  @@ -1 +1 @@\n  -x\n  +y\n  = no change: /etc/x is already right\n✔ a.b/1 done (1.5 s)\n');
});

test('a failed step ends with its message and the last lines of its output', t => {
	const output: RunEvent[] = Array.from({length: 30}, (_, index) => ({type: 'output', step: 'a.b/1', stream: 'stderr', text: `line ${index}\n`}));
	const text = render([start, ...output, {type: 'step-end', runbook: 'a.b', step: 'a.b/1', status: 'failed', durationMs: 100, exitCode: 3, log: '/var/log/tomesh-setup/audit.log'}]);
	t.regex(text, /✖ a\.b\/1 failed \(0\.1 s\): exit code 3\n {2}last output:\n/);
	t.regex(text, /the whole output: \/var\/log\/tomesh-setup\/audit\.log\n$/);
	t.true(text.includes('    line 29\n'));
	t.false(text.includes(`    line ${29 - failureTailLines}\n`));
});

test('manual actions and reboots are announced', t => {
	const text = render([
		start,
		{type: 'action-start', step: 'a.b/1', index: 0, action: {kind: 'manual', text: 'Create a SRV record', line: 3}, description: 'by hand'},
		{type: 'reboot', step: 'a.b/1'},
	]);
	t.regex(text, /☐ by hand: Create a SRV record/);
	t.regex(text, /↻ a\.b\/1: progress saved; rebooting/);
});

test('a step failing on a check after exit code 0 never says "exit code 0"', t => {
	const text = render([start, {type: 'step-end', runbook: 'a.b', step: 'a.b/1', status: 'failed', durationMs: 100, exitCode: 0, message: 'check failed: x'}]);
	t.regex(text, /failed \(0\.1 s\): check failed: x\n/);
	t.notRegex(text, /exit code 0/);
});

test('a skipped step has its own mark, never the done mark', t => {
	const text = render([start, {type: 'step-end', runbook: 'a.b', step: 'a.b/1', status: 'skipped', durationMs: 0}]);
	t.regex(text, /^– a\.b\/1 skipped/m);
});
