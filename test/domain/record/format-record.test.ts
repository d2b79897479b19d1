import test from 'ava';
import type {Action} from '../../../source/domain/types.js';
import {formatRecord} from '../../../source/domain/record/format-record.js';
import {RunRecord, recordOutputLines} from '../../../source/domain/record/run-record.js';

const header = {documents: ['Demo'], startedAt: '2026-01-01T00:00:00.000Z', by: 'ana', host: 'chat'};
const run = {kind: 'run', as: 'root', command: 'seq 100'} as unknown as Action;

test('a step with a long output keeps its last lines; skips and marks name who did them', t => {
	const record = new RunRecord();
	record.add({type: 'step-start', runbook: 'r', step: 'r/1', number: 1, title: 'Count'}, 'ana', 'T1');
	record.add({type: 'action-start', step: 'r/1', index: 0, action: run, description: 'run as root: seq 100'}, 'ana');
	record.add({type: 'output', step: 'r/1', stream: 'stdout', text: Array.from({length: 100}, (_, index) => `${index + 1}\n`).join('')}, 'ana');
	record.add({type: 'action-end', step: 'r/1', index: 0, ok: true, outcome: 'ran', exitCode: 0, durationMs: 1500}, 'ana');
	record.add({type: 'step-end', runbook: 'r', step: 'r/1', status: 'done', durationMs: 1600}, 'ana');
	record.note({type: 'skipped', step: 'r/2', number: 2, title: 'Optional', by: 'ana', at: 'T2'});
	record.note({type: 'marked-done', step: 'r/3', title: 'By hand', by: 'ben', at: 'T3'});
	const text = formatRecord(header, record.items);
	t.regex(text, /^# As run: Demo\n\nStarted 2026-01-01T00:00:00\.000Z on chat by ana\.\n/);
	t.regex(text, /## 1\. Count\n\n`r\/1`, started T1\.\n\n- run as root:\n\n {2}```sh\n {2}seq 100\n {2}```/);
	t.regex(text, new RegExp(`Output \\(the last ${recordOutputLines} lines\\):\\n\\n {2}\`\`\`text\\n {2}61\\n`));
	t.notRegex(text, /^ {2}60$/m);
	t.regex(text, /→ ok, exit 0, 1\.5 s/);
	t.regex(text, /\*\*Result: done\*\* in 1\.6 s/);
	t.regex(text, /## 2\. Optional\n\n`r\/2` — Skipped by ana at T2\./);
	t.regex(text, /## By hand\n\n`r\/3` — Marked done by ben at T3\./);
});

test('output holding backquotes is fenced with a longer fence', t => {
	const record = new RunRecord();
	record.add({type: 'step-start', runbook: 'r', step: 'r/1', number: 1, title: 'Quote'}, 'ana');
	record.add({type: 'action-start', step: 'r/1', index: 0, action: run, description: 'run'}, 'ana');
	record.add({type: 'output', step: 'r/1', stream: 'stdout', text: '```\n# not a heading\n'}, 'ana');
	t.regex(formatRecord(header, record.items), /  ````text\n  ```\n  # not a heading\n  ````/);
	t.regex(formatRecord(header, record.items), /still running when this was written/);
});
