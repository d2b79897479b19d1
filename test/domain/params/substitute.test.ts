import test from 'ava';
import {replacements, substituteShell, substituteText} from '../../../source/domain/params/substitute.js';
import type {Parameter} from '../../../source/domain/types.js';

const parameters: Parameter[] = [
	{name: 'domain', literal: 'tomesh.net', type: 'domain', default: 'tomesh.net', line: 1},
	{name: 'matrix_host', literal: 'matrix.tomesh.net', type: 'domain', default: 'matrix.tomesh.net', line: 1},
	{name: 'version', literal: 'VERSION', type: 'version', line: 1},
];
const list = replacements(parameters, {domain: 'example.org', matrix_host: 'm.example.org', version: 'v1.0'});

test('longest literal first: matrix.tomesh.net is not hit by the tomesh.net rule; inserted values are not replaced again', (t) => {
	t.is(substituteText('server_name matrix.tomesh.net; # tomesh.net', list), 'server_name m.example.org; # example.org');
	t.is(substituteText('_matrix._tcp.tomesh.net tomesh.net.log.config', list), '_matrix._tcp.example.org example.org.log.config');
	const loop = replacements([{name: 'a', literal: 'one', type: 'text', line: 1}, {name: 'b', literal: 'two', type: 'text', line: 1}], {a: 'two', b: 'three'});
	t.is(substituteText('one two', loop), 'two three');
});

test('only whole words are replaced', (t) => {
	t.is(substituteText('mytomesh.net VERSIONS VERSION_X tarball/VERSION', list), 'mytomesh.net VERSIONS VERSION_X tarball/v1.0');
});

test('a value equal to its literal changes nothing', (t) => {
	t.deepEqual(replacements(parameters, {domain: 'tomesh.net'}), []);
});

test('in shell commands a value outside quotes is single-quoted and joins the word around it', (t) => {
	t.is(substituteShell('python -m x --server-name tomesh.net', list), "python -m x --server-name 'example.org'");
	t.is(substituteShell('dig -t srv _matrix._tcp.tomesh.net', list), "dig -t srv _matrix._tcp.'example.org'");
	t.is(substituteShell('pip install https://x/tarball/VERSION', list), "pip install https://x/tarball/'v1.0'");
});

test('inside quotes the value is inserted as is, escaped for that quoting', (t) => {
	t.is(substituteShell('echo "host: tomesh.net" \'at tomesh.net\'', list), 'echo "host: example.org" \'at example.org\'');
	const text = replacements([{name: 'note', literal: 'NOTE', type: 'text', line: 1}], {note: `it's "$HOME"`});
	t.is(substituteShell('echo NOTE', text), String.raw`echo 'it'\''s "$HOME"'`);
	t.is(substituteShell('echo "NOTE"', text), String.raw`echo "it's \"\$HOME\""`);
	t.is(substituteShell("echo 'NOTE'", text), String.raw`echo 'it'\''s "$HOME"'`);
});

test('an escaped quote does not open a quoted section', (t) => {
	t.is(substituteShell(String.raw`echo \' tomesh.net`, list), String.raw`echo \' 'example.org'`);
});
