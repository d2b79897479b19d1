import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {InputError} from '../../../source/domain/types.js';

const step = '\n## Part\n\n1. Restart it:\n\n\t```\n\t# systemctl restart x\n\t# systemctl restart y\n\t```\n';

test('a document says which systems it targets and whether it is superseded', t => {
	const current = parseDocument(readFileSync('runbooks/matrix-chat.md', 'utf8'), 'runbooks/matrix-chat.md');
	t.is(current.targets, 'Debian 12, Debian 13, Ubuntu 24.04');
	t.is(current.supersededBy, undefined);
	const original = parseDocument(readFileSync('runbooks/tomesh-chat.md', 'utf8'), 'runbooks/tomesh-chat.md');
	t.is(original.writtenFor, 'Debian 8 (2016)');
	t.is(original.supersededBy, 'matrix-chat.md');
});

test('names like *password* make a secret parameter; so does type=secret', t => {
	const text = `# T\n<!-- tomesh-setup: param admin_password PW_HERE default= -->\n<!-- tomesh-setup: param key KEY_HERE type=secret default= -->${step}\tUse PW_HERE and KEY_HERE.\n`;
	const parameters = parseDocument(text, 'doc.md').parameters;
	t.deepEqual(parameters.map(parameter => [parameter.name, parameter.type]), [['admin_password', 'secret'], ['key', 'secret']]);
});

test('a param annotation does not switch off the detection of other placeholders', t => {
	const text = `# T\n<!-- tomesh-setup: param domain example.org type=domain -->\n\n## Part\n\n1. Register:\n\n\t\`\`\`\n\t# register -u admin -p ADMIN_PASSWORD example.org\n\t\`\`\`\n`;
	const parameters = parseDocument(text, 'doc.md').parameters;
	const password = parameters.find(parameter => parameter.literal === 'ADMIN_PASSWORD');
	t.truthy(password);
	t.is(password!.type, 'secret');
	t.is(password!.default, undefined);
});

test('two unless annotations after a block of two commands guard one each, in order', t => {
	const text = `# T${step}\t<!-- tomesh-setup: unless test -e /x -->\n\t<!-- tomesh-setup: unless test -e /y -->\n`;
	const actions = parseDocument(text, 'doc.md').runbooks[0]!.steps[0]!.actions;
	t.deepEqual(actions.map(action => (action.kind === 'run' ? [action.command, action.unless] : [])), [
		['systemctl restart x', 'test -e /x'],
		['systemctl restart y', 'test -e /y'],
	]);
});

test('more unless annotations than commands stop with FILE:LINE instead of losing one', t => {
	const text = `# T${step}\t<!-- tomesh-setup: unless test -e /x -->\n\t<!-- tomesh-setup: unless test -e /y -->\n\t<!-- tomesh-setup: unless test -e /z -->\n`;
	const error = t.throws(() => parseDocument(text, 'doc.md'), {instanceOf: InputError});
	t.regex(error.message, /^doc\.md:12: 3 'unless' annotations but only 2/);
});

test('a second unless for an already guarded command is an error', t => {
	const text = `# T${step}\t<!-- tomesh-setup: unless test -e /x -->\n\tThen:\n\t<!-- tomesh-setup: unless test -e /w -->\n`;
	t.throws(() => parseDocument(text, 'doc.md'), {instanceOf: InputError, message: /already has one/});
});

test('check-matrix takes a server name and an optional web client URL', t => {
	const text = `# T${step}\t<!-- tomesh-setup: check-matrix example.org web=https://chat.example.org -->\n`;
	t.deepEqual(parseDocument(text, 'doc.md').runbooks[0]!.steps[0]!.checks, [{kind: 'matrix', serverName: 'example.org', web: 'https://chat.example.org', line: 10}]);
	t.throws(() => parseDocument(`# T${step}\t<!-- tomesh-setup: check-matrix -->\n`, 'doc.md'), {message: /doc\.md:10: check-matrix needs one server name/});
});
