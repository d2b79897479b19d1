import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {EngineController} from '../../source/engine/controller.js';
import {recordedChanges} from '../../source/engine/undo.js';
import {editByHand} from '../../source/ui/edit-by-hand.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test.serial('an editor setting with arguments starts (nano -w, code --wait); the file is backed up first for undo', async t => {
	const root = temporaryDirectory('tomesh-edit-');
	const editor = path.join(root, 'my editor');
	// The stand-in editor appends its arguments to the file it is given last.
	writeFileSync(editor, '#!/bin/sh\nfor last; do :; done\necho "args: $*" >> "$last"\n');
	chmodSync(editor, 0o755);
	const file = path.join(root, 'site.conf');
	writeFileSync(file, 'before\n');
	const document = parseDocument('# D\n\n## R\n\n1. Edit **site.conf** by hand.\n', path.join(root, 'doc.md'));
	const controller = new EngineController([document], testEngineOptions(root));
	const saved = {visual: process.env.VISUAL, editor: process.env.EDITOR};
	process.env.VISUAL = `'${editor}' --wait`;
	delete process.env.EDITOR;
	t.teardown(() => {
		if (saved.visual === undefined) delete process.env.VISUAL;
		else process.env.VISUAL = saved.visual;
		if (saved.editor !== undefined) process.env.EDITOR = saved.editor;
	});
	const result = await editByHand('site.conf', {cwd: root, env: {}}, async (target, edit) => controller.editByHand('r/1', target, edit));
	t.is(readFileSync(file, 'utf8'), `before\nargs: --wait ${file}\n`);
	t.is(result.text, `${file}: your change`);
	const changes = await recordedChanges(path.join(root, 'state', 'backups'));
	t.true(changes.some(change => change.step === 'r/1' && change.path === file), JSON.stringify(changes));
});
