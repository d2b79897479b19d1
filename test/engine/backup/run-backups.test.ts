import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {applyFileChange} from '../../../source/engine/apply-file-change.js';
import {RunBackups, runBackupsFor, sha256} from '../../../source/engine/backup/run-backups.js';
import type {FileAction} from '../../../source/domain/edit/file-change.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

const edit: FileAction = {kind: 'edit', path: 'app.yaml', edit: {op: 'append-line', line: 'low_memory: true'}, line: 1};

function workspace() {
	const root = temporaryDirectory('tomesh-backups-');
	return {root, backupDir: path.join(root, 'state', 'backups')};
}

test('the run index says what each step changed: existed before, owner, mode, sha256 before and after', async t => {
	const {root, backupDir} = workspace();
	await applyFileChange({kind: 'write', path: 'app.yaml', content: 'name: demo\n', line: 1}, path.join(root, 'app.yaml'), {backupDir, step: 'rb/1'});
	const applied = await applyFileChange(edit, path.join(root, 'app.yaml'), {backupDir, step: 'rb/2'});
	const entries = await runBackupsFor(backupDir).entries();
	const target = path.join(root, 'app.yaml');
	t.like(entries[0], {step: 'rb/1', path: target, existedBefore: false, backup: null, owner: null, mode: null, sha256Before: null, sha256After: sha256('name: demo\n')});
	t.like(entries[1], {step: 'rb/2', path: target, existedBefore: true, mode: 0o644, sha256Before: sha256('name: demo\n'), sha256After: sha256('name: demo\nlow_memory: true\n')});
	t.deepEqual(entries[1]!.owner, {uid: process.getuid!(), gid: process.getgid!()});
	t.is(readFileSync(applied.backup!, 'utf8'), 'name: demo\n');
	t.is(applied.backup, path.join(backupDir, entries[1]!.backup!));
});

test('a content backed up before is not copied again: ten regenerate-and-rerun cycles keep one copy', async t => {
	const {root, backupDir} = workspace();
	const target = path.join(root, 'app.yaml');
	const generated = `${'# generated configuration\n'.repeat(2000)}name: demo\n`;
	for (let cycle = 0; cycle < 10; cycle++) {
		writeFileSync(target, generated);
		const run = new RunBackups(backupDir, {runId: `run-${cycle}`});
		const entry = await run.before('rb/1', target);
		writeFileSync(target, `${generated}low_memory: true\n`);
		await run.after(entry, `${generated}low_memory: true\n`);
	}

	t.deepEqual(readdirSync(path.join(backupDir, 'objects')), [sha256(generated)]);
	t.is(readdirSync(path.join(backupDir, 'runs')).length, 10);
});

test('only the last runs are kept, with the copies they refer to', async t => {
	const {root, backupDir} = workspace();
	const target = path.join(root, 'app.yaml');
	for (let run = 0; run < 5; run++) {
		writeFileSync(target, `version ${run}\n`);
		await new RunBackups(backupDir, {runId: `run-${run}`, keep: 3}).before('rb/1', target);
	}

	t.deepEqual(readdirSync(path.join(backupDir, 'runs')).sort(), ['run-2', 'run-3', 'run-4']);
	t.deepEqual(readdirSync(path.join(backupDir, 'objects')).sort(), ['version 2\n', 'version 3\n', 'version 4\n'].map(text => sha256(text)).sort());
});

test('a copy is written under a temporary name and renamed when complete', async t => {
	const {root, backupDir} = workspace();
	mkdirSync(path.join(backupDir, 'objects'), {recursive: true});
	writeFileSync(path.join(root, 'app.yaml'), 'a\n');
	await new RunBackups(backupDir, {runId: 'run-0'}).before('rb/1', path.join(root, 'app.yaml'));
	t.deepEqual(readdirSync(path.join(backupDir, 'objects')), [sha256('a\n')]);
});
