import {readFileSync} from 'node:fs';
import test from 'ava';
import {parameterValues, parametersUsedIn} from '../../../source/domain/params/parameters.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';

const documents = ['runbooks/tomesh-chat.md', 'runbooks/matrix-chat.md'].map(file => parseDocument(readFileSync(file, 'utf8'), file));

test('in both shipped documents the host names and the e-mail follow a changed domain', t => {
	for (const document of documents) {
		const values = parameterValues(document.parameters, {domain: 'example.com'});
		t.is(values['matrix_host'], 'matrix.example.com', document.path);
		t.is(values['chat_host'], 'chat.example.com', document.path);
		t.regex(values['email']!, /^\w+@example\.com$/, document.path);
	}
});

test('without a changed domain the defaults are the document\'s own values; a value given wins over the derivation', t => {
	const [tomesh] = documents;
	const values = parameterValues(tomesh!.parameters, {chat_host: 'web.tomesh.net'});
	t.is(values['matrix_host'], 'matrix.tomesh.net');
	t.is(values['chat_host'], 'web.tomesh.net');
	t.is(values['email'], 'hello@tomesh.net');
});

test('a derivation may only refer to a parameter declared above it', t => {
	const text = '<!-- tomesh-setup: param host matrix.a.org type=domain default=matrix.{domain} -->\n# T\n## R\n1. Run `ping matrix.a.org`\n';
	const error = t.throws(() => parseDocument(text, 'x.md'));
	t.is(error?.message, 'x.md:1: param host: default refers to {domain}, which is not a parameter declared above it');
});

test('the parameters a runbook uses are those whose text it contains', t => {
	const [tomesh] = documents;
	const update = tomesh!.runbooks.find(runbook => runbook.title === 'Update Synapse Version')!;
	const install = tomesh!.runbooks[0]!;
	t.true(parametersUsedIn(tomesh!.parameters, update).some(parameter => parameter.name === 'version'));
	t.false(parametersUsedIn(tomesh!.parameters, install).some(parameter => parameter.name === 'version'));
});
