import {chmodSync, chownSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {FileChangeError, type FileAction} from '../../source/domain/edit/file-change.js';
import {applyFileChange} from '../../source/engine/apply-file-change.js';
import {temporaryDirectory} from '../helpers/temporary.js';

function workspace() {
	const root = temporaryDirectory('tomesh-apply-');
	return {root, backupDir: path.join(root, 'state', 'backups')};
}

test('an append lands at the planned path once, with a backup, keeping the mode', async t => {
	const {root, backupDir} = workspace();
	const file = path.join(root, 'app.conf');
	writeFileSync(file, 'a=1\n');
	chmodSync(file, 0o640);
	const action = {kind: 'edit', path: 'app.conf', edit: {op: 'append-line', line: 'b=2'}, line: 1} as const;
	const first = await applyFileChange(action, path.join(root, action.path), {backupDir});
	t.is(first.path, file);
	t.regex(first.diff, /^\+b=2$/m);
	t.is(readFileSync(file, 'utf8'), 'a=1\nb=2\n');
	t.is(statSync(file).mode & 0o777, 0o640);
	t.is(readFileSync(first.backup!, 'utf8'), 'a=1\n');
	const second = await applyFileChange(action, path.join(root, action.path), {backupDir});
	t.is(second.diff, '');
	t.is(second.backup, undefined);
	t.is(readFileSync(file, 'utf8'), 'a=1\nb=2\n');
	t.deepEqual(readdirSync(root).sort(), ['app.conf', 'state'], 'no temp file left behind');
});

test('a write creates the file and its directory; secrets are masked in the diff, not in the file', async t => {
	const {root, backupDir} = workspace();
	const action = {kind: 'write', path: path.join(root, 'etc', 'app.yaml'), content: 'form_secret: "abc123"\n', line: 1} as const;
	const applied = await applyFileChange(action, action.path, {backupDir});
	t.is(readFileSync(applied.path, 'utf8'), 'form_secret: "abc123"\n');
	t.false(applied.diff.includes('abc123'));
	t.is(statSync(applied.path).mode & 0o777, 0o644);
});

test('editing a file that does not exist fails clearly and creates nothing', async t => {
	const {root, backupDir} = workspace();
	const action: FileAction = {kind: 'edit', path: 'missing.yaml', edit: {op: 'set-yaml', key: ['a'], value: 'b'}, line: 1};
	const error = await t.throwsAsync(applyFileChange(action, path.join(root, action.path), {backupDir}), {instanceOf: FileChangeError});
	t.regex(error!.message, /missing\.yaml/);
	t.deepEqual(readdirSync(root), []);
});

test('through a symlink the linked file changes and the link stays; owner and mode are kept', async t => {
	const {root, backupDir} = workspace();
	const real = path.join(root, 'real.conf');
	writeFileSync(real, 'nameserver 1.1.1.1\n');
	chmodSync(real, 0o604);
	if (process.getuid?.() === 0) chownSync(real, 65_534, 65_534);
	symlinkSync(real, path.join(root, 'link.conf'));
	const action: FileAction = {kind: 'edit', path: 'link.conf', edit: {op: 'append-line', line: 'options edns0'}, line: 1};
	const applied = await applyFileChange(action, path.join(root, action.path), {backupDir});
	t.is(applied.path, path.join(root, 'link.conf'));
	t.true(lstatSync(path.join(root, 'link.conf')).isSymbolicLink());
	t.is(readFileSync(real, 'utf8'), 'nameserver 1.1.1.1\noptions edns0\n');
	t.is(statSync(real).mode & 0o777, 0o604);
	if (process.getuid?.() === 0) t.deepEqual([statSync(real).uid, statSync(real).gid], [65_534, 65_534]);
});
