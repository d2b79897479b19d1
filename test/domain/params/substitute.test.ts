import test from 'ava';
import {replacements, substituteShell, substituteText, UnsafeValueError} from '../../../source/domain/params/substitute.js';
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

const shell = (command: string, replacementsList = list) => substituteShell(command, replacementsList);

test('a host name, a version or a path reads the same in every shell context: it goes in as it is', (t) => {
	t.deepEqual(shell('python -m x --server-name tomesh.net'), {command: 'python -m x --server-name example.org', env: {}});
	t.is(shell('dig -t srv _matrix._tcp.tomesh.net').command, 'dig -t srv _matrix._tcp.example.org');
	t.is(shell("ssh tomesh.net 'cd /srv/VERSION'").command, "ssh example.org 'cd /srv/v1.0'");
	t.is(shell('echo "host: tomesh.net" \'at tomesh.net\'').command, 'echo "host: example.org" \'at example.org\'');
});

test('any other value reaches the command through its environment, referred to with the quoting of where it lands', (t) => {
	const text = replacements([{name: 'note', literal: 'NOTE', type: 'text', line: 1}], {note: `it's "$HOME"`});
	const env = {TS_PARAM_NOTE: `it's "$HOME"`};
	t.deepEqual(shell('echo NOTE', text), {command: 'echo "${TS_PARAM_NOTE}"', env});
	t.is(shell('echo "a NOTE"', text).command, 'echo "a ${TS_PARAM_NOTE}"');
	t.is(shell("echo 'a NOTE'", text).command, `echo 'a '"\${TS_PARAM_NOTE}"''`);
	t.is(shell("echo $'a NOTE'", text).command, `echo $'a '"\${TS_PARAM_NOTE}"$''`);
	t.is(shell('echo ${X:-NOTE}', text).command, 'echo ${X:-"${TS_PARAM_NOTE}"}');
	t.is(shell('cat <<EOF\nNOTE\nEOF', text).command, 'cat <<EOF\n${TS_PARAM_NOTE}\nEOF');
	t.is(shell("cat <<'EOF'\nNOTE\nEOF", text).command, `cat <<'EOF'\nit's "$HOME"\nEOF`);
});

test('a value that a second shell or interpreter would read, or arithmetic, is refused, naming the parameter', (t) => {
	const text = replacements([{name: 'note', literal: 'NOTE', type: 'text', line: 1}], {note: 'a b'});
	for (const command of ["bash -c 'echo NOTE'", "su - postgres -c 'psql -c \"NOTE\"'", "ssh host 'echo NOTE'", "echo 'NOTE' | sh", 'echo $((NOTE))', 'bash <<EOF\nNOTE\nEOF']) {
		const error = t.throws(() => shell(command, text), {instanceOf: UnsafeValueError}, command);
		t.is(error?.parameter, 'note');
	}

	t.throws(() => shell('cat <<EOF\nNOTE\nEOF', replacements(parameters, {version: 'EOF'}).concat(replacements([{name: 'note', literal: 'NOTE', type: 'text', line: 1}], {note: 'EOF'}))), {message: /here-document/});
});

test('a placeholder next to a dash or in ${VAR:-…} is replaced; a variable of the same name is not', (t) => {
	t.is(shell('cp VERSION-linux.tar ${TAG:-VERSION} /opt/VERSION-x').command, 'cp v1.0-linux.tar ${TAG:-v1.0} /opt/v1.0-x');
	t.is(shell('echo $VERSION ${VERSION} VERSION').command, 'echo $VERSION ${VERSION} v1.0');
	t.is(substituteText('chat-tomesh.net tomesh.net-old ${HOST:-tomesh.net}', list), 'chat-tomesh.net tomesh.net-old ${HOST:-example.org}');
});

test('an escaped quote does not open a quoted section', (t) => {
	const text = replacements([{name: 'note', literal: 'NOTE', type: 'text', line: 1}], {note: 'a b'});
	t.is(shell(String.raw`echo \' NOTE`, text).command, 'echo \\\' "${TS_PARAM_NOTE}"');
});
