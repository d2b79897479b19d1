import {chmodSync, chownSync, existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {RunBackups} from '../../source/engine/backup/run-backups.js';
import {applyUndo, planStepUndo} from '../../source/engine/undo.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const root = process.getuid?.() === 0;
// Bytes that are not UTF-8: a restore that went through text would change them.
const original = Buffer.from([0x6b, 0x65, 0x79, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x0a]);

// Records `step` changing `file` to `after` the way apply-file-change does (backup first, then the new content).
async function change(backups: RunBackups, step: string, file: string, after: string): Promise<void> {
	const entry = await backups.before(step, file);
	writeFileSync(file, after);
	await backups.after(entry, after);
}

function setUp() {
	const dir = temporaryDirectory('tomesh-undo-');
	const backupDir = path.join(dir, 'backups');
	return {dir, backupDir, backups: new RunBackups(backupDir, {runId: 'run-1'})};
}

test('undo of an edit puts the file back byte for byte, with its owner and mode; a created file is removed', async t => {
	const {dir, backupDir, backups} = setUp();
	const edited = path.join(dir, 'edited.conf');
	const created = path.join(dir, 'created.conf');
	writeFileSync(edited, original);
	chmodSync(edited, 0o640);
	if (root) chownSync(edited, 1234, 2345);
	await change(backups, 's/1', edited, 'key: new\n');
	await change(backups, 's/1', created, 'made\n');
	chmodSync(edited, 0o600);
	if (root) chownSync(edited, 0, 0);

	const plan = await planStepUndo(backupDir, 's/1');
	t.true(plan.ok);
	if (!plan.ok) return;
	t.deepEqual(plan.changes.map(item => item.kind), ['restore', 'remove']);
	await applyUndo(backupDir, plan);
	t.deepEqual(readFileSync(edited), original);
	const info = statSync(edited);
	t.is(info.mode & 0o7777, 0o640);
	if (root) t.deepEqual([info.uid, info.gid], [1234, 2345]);
	t.false(existsSync(created));
	// Undone once: nothing more to put back.
	t.false((await planStepUndo(backupDir, 's/1')).ok);
});

test('refused when a later step changed the same file, or when the backup copy is missing', async t => {
	const {dir, backupDir, backups} = setUp();
	const file = path.join(dir, 'shared.conf');
	writeFileSync(file, 'a\n');
	await change(backups, 's/1', file, 'b\n');
	await change(backups, 's/2', file, 'c\n');
	t.deepEqual(await planStepUndo(backupDir, 's/1'), {ok: false, reason: `s/2 changed ${file} after s/1: undo s/2 first`, first: 's/2'});

	const [first] = await backups.entries();
	rmSync(path.join(backupDir, first!.backup!));
	const plan = await planStepUndo(backupDir, 's/2');
	t.true(plan.ok, 'the copy s/2 needs is there');
	if (plan.ok) await applyUndo(backupDir, plan);
	t.is(readFileSync(file, 'utf8'), 'b\n');
	t.regex((await planStepUndo(backupDir, 's/1') as {reason: string}).reason, /backup of .*shared\.conf .* is missing/);
	t.is(readFileSync(file, 'utf8'), 'b\n');
});
