// The yaml library is loaded on first need (see source/domain/edit/yaml-library.ts): these run in order, in a process
// of their own (each test file has one), so the first sees the library not loaded yet.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {applyEdit} from '../../../source/domain/edit/file-change.js';
import {yamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {EngineController} from '../../../source/engine/controller.js';
import {testEngineOptions} from '../../helpers/engine-options.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

test.serial('before the library is loaded, a YAML edit is refused as an internal error; other edits need no library', t => {
	t.throws(() => applyEdit('enabled: false\n', {op: 'set-yaml', key: ['enabled'], value: 'true'}, 'app.yaml'), {message: /^internal error: .*loadYamlLibrary/});
	t.is(applyEdit('a\n', {op: 'append-line', line: 'b'}, 'list'), 'a\nb\n');
});

test.serial('the engine loads the library itself before it previews a step', async t => {
	const root = temporaryDirectory('tomesh-yaml-library-');
	const work = path.join(root, 'work');
	mkdirSync(work);
	writeFileSync(path.join(work, 'app.yaml'), 'enabled: false\n');
	const markdown = `# Fixture\n\n## Area\n\n### Things\n\n1. Allow it by changing \`enabled\` to \`true\` in **${work}/app.yaml**\n`;
	const document = parseDocument(markdown, path.join(root, 'doc.md'));
	const controller = new EngineController([document], testEngineOptions(root));
	const [preview] = await controller.preview(document.runbooks[0]!.steps[0]!.id);
	t.regex(preview!.diff ?? '', /^-enabled: false\n\+enabled: true$/m);
	t.is(typeof yamlLibrary().parseDocument, 'function');
});
