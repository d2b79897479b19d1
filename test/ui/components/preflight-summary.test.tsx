import test from 'ava';
import {render} from 'ink-testing-library';
import type {PreflightFinding} from '../../../source/domain/preflight/types.js';
import {PreflightSummary, preflightRows} from '../../../source/ui/components/preflight-summary.js';

const findings: PreflightFinding[] = [
	{id: 'os', level: 'ok', what: 'Debian GNU/Linux 12 (bookworm)', consequence: '', todo: ''},
	{id: 'memory', level: 'warn', what: 'memory 1.0 GiB, swap none', consequence: 'Synapse needs swap', todo: 'add 1–2 GiB of swap'},
	{id: 'port-80', level: 'ok', what: 'port 80 is in use by nginx (pid 42)', consequence: '', todo: ''},
];

test('in one row, the headline alone (it already says f shows all of it): the checklist counts on the budget', (t) => {
	t.is(preflightRows(findings, 1), 1);
	const {lastFrame} = render(<PreflightSummary findings={findings} budget={1} />);
	t.is(lastFrame(), 'Preflight: 2 ok, 1 warning, 0 blocking (f: all of it)');
});

test('findings left out are counted, and f (not p, the settings) is the key that shows them', (t) => {
	t.is(preflightRows(findings, 2), 2);
	const {lastFrame} = render(<PreflightSummary findings={findings} budget={2} />);
	t.regex(lastFrame() ?? '', /… \d+ more \(f\)$/);
});
