import test from 'ava';
import type {RunEvent} from '../../source/domain/events.js';
import {plainRunReporter} from '../../source/reporters/run-plain.js';

test('a quiet command gets a "no output for N s" line each time the engine says so', t => {
	let text = '';
	const report = plainRunReporter(chunk => {
		text += chunk;
	});
	const events: RunEvent[] = [
		{type: 'step-start', runbook: 'a.b', step: 'a.b/1', number: 1, title: 'Install Synapse'},
		{type: 'silence', step: 'a.b/1', seconds: 10},
		{type: 'silence', step: 'a.b/1', seconds: 20},
		{type: 'step-end', runbook: 'a.b', step: 'a.b/1', status: 'done', durationMs: 21_000},
	];
	for (const event of events) report(event);
	t.is(text, '▶ a.b/1 Install Synapse\n  … no output for 10 s (still running)\n  … no output for 20 s (still running)\n✔ a.b/1 done (21.0 s)\n');
});
