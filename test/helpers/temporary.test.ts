import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {temporaryDirectory} from './temporary.js';

const helper = fileURLToPath(new URL('temporary.ts', import.meta.url));

test('a directory made by temporaryDirectory is gone once its process exits, contents and all', t => {
	const parent = temporaryDirectory('tomesh-temporary-test-');
	// A child node process, as ava runs a test file: it makes two directories, fills one, prints them and exits.
	const script = `
		import {mkdirSync, writeFileSync} from 'node:fs';
		import {temporaryDirectory} from ${JSON.stringify(helper)};
		const first = temporaryDirectory('tomesh-temporary-child-');
		mkdirSync(first + '/deep/er', {recursive: true});
		writeFileSync(first + '/deep/er/file', 'x');
		const second = temporaryDirectory('tomesh-temporary-child-');
		console.log(JSON.stringify([first, second]));
	`;
	const output = execFileSync(process.execPath, ['--import=tsx', '--input-type=module', '--eval', script], {
		env: {...process.env, TMPDIR: parent},
		encoding: 'utf8',
	});
	const [first, second] = JSON.parse(output) as [string, string];
	t.is(path.dirname(first), parent);
	t.true(path.basename(second).startsWith('tomesh-temporary-child-'));
	t.false(existsSync(first));
	t.false(existsSync(second));
	// (tsx keeps its own cache there, which is not ours to judge.)
	t.deepEqual(readdirSync(parent).filter(name => name.startsWith('tomesh-')), []);
});

test('the directory is there, empty and writable, while the process runs', t => {
	const directory = temporaryDirectory('tomesh-temporary-test-');
	t.deepEqual(readdirSync(directory), []);
	writeFileSync(path.join(directory, 'file'), 'x');
	t.true(existsSync(path.join(directory, 'file')));
});
