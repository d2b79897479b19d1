import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {editByHand} from '../../source/ui/edit-by-hand.js';

test.serial('e opens the file in $EDITOR (relative to the session cwd) and shows what changed as a diff', async t => {
	const dir = await mkdtemp(path.join(tmpdir(), 'tomesh-edit-'));
	t.teardown(async () => rm(dir, {recursive: true, force: true}));
	// A stand-in editor: appends a line to the file it is given.
	const editor = path.join(dir, 'editor.sh');
	await writeFile(editor, '#!/bin/sh\necho "enable_registration: True" >> "$1"\n');
	await chmod(editor, 0o755);
	await writeFile(path.join(dir, 'homeserver.yaml'), 'server_name: example.org\n');
	const saved = process.env.EDITOR;
	process.env.EDITOR = editor;
	t.teardown(() => {
		if (saved === undefined) delete process.env.EDITOR;
		else process.env.EDITOR = saved;
	});
	const result = await editByHand('homeserver.yaml', {cwd: dir, env: {}});
	t.regex(result.text, /homeserver\.yaml: your change/);
	t.regex(result.diff ?? '', /^\+enable_registration: True$/m);
	t.regex(result.diff ?? '', /^ server_name: example\.org$/m);
});

test.serial('an editor that changes nothing says so', async t => {
	const dir = await mkdtemp(path.join(tmpdir(), 'tomesh-edit-'));
	t.teardown(async () => rm(dir, {recursive: true, force: true}));
	await writeFile(path.join(dir, 'a.conf'), 'x\n');
	const saved = process.env.EDITOR;
	process.env.EDITOR = 'true';
	t.teardown(() => {
		if (saved === undefined) delete process.env.EDITOR;
		else process.env.EDITOR = saved;
	});
	const result = await editByHand('a.conf', {cwd: dir, env: {}});
	t.regex(result.text, /a\.conf: no change/);
	t.is(result.diff, undefined);
});
