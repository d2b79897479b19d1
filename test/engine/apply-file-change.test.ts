import {chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {FileChangeError, type FileAction} from '../../source/domain/file-change.js';
import {applyFileChange} from '../../source/engine/apply-file-change.js';

function workspace() {
	const root = mkdtempSync(path.join(os.tmpdir(), 'tomesh-apply-'));
	return {root, backupDir: path.join(root, 'state', 'backups')};
}

test('an append lands relative to the session cwd once, with a backup, keeping the mode', async t => {
	const {root, backupDir} = workspace();
	const file = path.join(root, 'app.conf');
	writeFileSync(file, 'a=1\n');
	chmodSync(file, 0o640);
	const action = {kind: 'edit', path: 'app.conf', edit: {op: 'append-line', line: 'b=2'}, line: 1} as const;
	const first = await applyFileChange(action, {cwd: root, backupDir});
	t.is(first.path, file);
	t.regex(first.diff, /^\+b=2$/m);
	t.is(readFileSync(file, 'utf8'), 'a=1\nb=2\n');
	t.is(statSync(file).mode & 0o777, 0o640);
	t.is(readFileSync(first.backup!, 'utf8'), 'a=1\n');
	const second = await applyFileChange(action, {cwd: root, backupDir});
	t.is(second.diff, '');
	t.is(second.backup, undefined);
	t.is(readFileSync(file, 'utf8'), 'a=1\nb=2\n');
	t.deepEqual(readdirSync(root).sort(), ['app.conf', 'state'], 'no temp file left behind');
});

test('a write creates the file and its directory; secrets are masked in the diff, not in the file', async t => {
	const {root, backupDir} = workspace();
	const action = {kind: 'write', path: path.join(root, 'etc', 'app.yaml'), content: 'form_secret: "abc123"\n', line: 1} as const;
	const applied = await applyFileChange(action, {cwd: '/', backupDir});
	t.is(readFileSync(applied.path, 'utf8'), 'form_secret: "abc123"\n');
	t.false(applied.diff.includes('abc123'));
	t.is(statSync(applied.path).mode & 0o777, 0o644);
});

test('editing a file that does not exist fails clearly and creates nothing', async t => {
	const {root, backupDir} = workspace();
	const action: FileAction = {kind: 'edit', path: 'missing.yaml', edit: {op: 'set-yaml', key: ['a'], value: 'b'}, line: 1};
	const error = await t.throwsAsync(applyFileChange(action, {cwd: root, backupDir}), {instanceOf: FileChangeError});
	t.regex(error!.message, /missing\.yaml/);
	t.deepEqual(readdirSync(root), []);
});
