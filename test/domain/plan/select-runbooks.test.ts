import test from 'ava';
import {findRunbooks, selectDocuments, selectRunbooks} from '../../../source/domain/plan/select-runbooks.js';
import {InputError, type Runbook, type SetupDocument} from '../../../source/domain/types.js';

const runbook = (id: string, title: string): Runbook => ({id, title, group: '', line: 1, steps: []});
const documents: SetupDocument[] = [
	{path: 'a.md', title: 'A', parameters: [], runbooks: [runbook('matrix.https', 'Set up HTTPS'), runbook('matrix.install', 'Install')]},
	{path: 'b.md', title: 'B', parameters: [], runbooks: [runbook('web.https', 'Set up HTTPS')]},
];

test('an id selects its runbook; a shared title selects every runbook with it, in order', t => {
	t.deepEqual(findRunbooks(documents, 'MATRIX.INSTALL').map(r => r.id), ['matrix.install']);
	t.deepEqual(selectRunbooks(documents, 'set up https').map(r => r.id), ['matrix.https', 'web.https']);
	t.is(selectRunbooks(documents, undefined).length, 3);
});

test('plan keeps only the documents that still have runbooks', t => {
	const selected = selectDocuments(documents, 'matrix.install');
	t.deepEqual(selected.map(document => document.path), ['a.md']);
	t.deepEqual(selected[0]!.runbooks.map(r => r.id), ['matrix.install']);
});

test('an unknown runbook is an input error naming the flag and the known ids', t => {
	const error = t.throws(() => selectRunbooks(documents, 'nope', 'reset'), {instanceOf: InputError});
	t.is(error.message, "reset: no runbook 'nope' (known: matrix.https, matrix.install, web.https)");
});
