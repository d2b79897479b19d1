import test from 'ava';
import {planUndo, undoStepName, type RecordedChange} from '../../../source/domain/undo/plan-undo.js';

const change = (step: string, file: string, at: string, backup: string | null = 'objects/a'): RecordedChange => ({
	step,
	path: file,
	backup,
	existedBefore: backup !== null,
	owner: backup === null ? null : {uid: 0, gid: 0},
	mode: backup === null ? null : 0o640,
	at,
});
const files: Record<string, string> = {'/etc/x': 'new\n', '/etc/created': 'made\n'};
const read = {backupText: (backup: string) => (backup === 'objects/a' ? 'old\n' : undefined), currentText: (file: string) => files[file]};

test('a step that edited a file: put back with its owner and mode, the diff goes from now to before', t => {
	const plan = planUndo('r/2', [change('r/1', '/etc/y', '1'), change('r/2', '/etc/x', '2')], read);
	t.true(plan.ok);
	if (!plan.ok) return;
	t.deepEqual(plan.changes.map(({path, kind, backup, mode}) => ({path, kind, backup, mode})), [{path: '/etc/x', kind: 'restore', backup: 'objects/a', mode: 0o640}]);
	t.regex(plan.changes[0]!.diff, /-new\n\+old/);
});

test('a file the step created is removed; a step run twice goes back to before its first change', t => {
	const plan = planUndo('r/2', [change('r/2', '/etc/created', '1', null), change('r/2', '/etc/created', '2', 'objects/b')], read);
	t.true(plan.ok && plan.changes[0]!.kind === 'remove');
	if (plan.ok) t.regex(plan.changes[0]!.diff, /\+\+\+ \/dev\/null/);
});

test('refused when a later step changed the same file; allowed once that one is undone', t => {
	const changes = [change('r/2', '/etc/x', '1'), change('r/3', '/etc/x', '2')];
	t.deepEqual(planUndo('r/2', changes, read), {ok: false, reason: 'r/3 changed /etc/x after r/2: undo r/3 first', first: 'r/3'});
	t.true(planUndo('r/2', [...changes, change(undoStepName('r/3'), '/etc/x', '3')], read).ok);
});

test('refused when the backup copy is missing, or when the step changed nothing (or was undone already)', t => {
	t.regex((planUndo('r/2', [change('r/2', '/etc/x', '1', 'objects/gone')], read) as {reason: string}).reason, /backup of \/etc\/x \(objects\/gone\) is missing/);
	t.regex((planUndo('r/9', [change('r/2', '/etc/x', '1')], read) as {reason: string}).reason, /r\/9 changed no file/);
	t.false(planUndo('r/2', [change('r/2', '/etc/x', '1'), change(undoStepName('r/2'), '/etc/x', '2')], read).ok);
});
