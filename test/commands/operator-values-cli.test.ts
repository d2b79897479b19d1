// `plan` and `verify` report the operator's values: the checks that ran and the text that says so name the same hosts.
import {rm} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {EngineController} from '../../source/engine/controller.js';
import {loadDocuments} from '../../source/load-documents.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {operatorSetArgs, operatorValues, shownDefaults} from '../helpers/operator-values.js';
import {runCli} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

async function stateDir(t: {teardown: (f: () => Promise<void>) => void}): Promise<string> {
	const root = temporaryDirectory('tomesh-values-cli-');
	t.teardown(async () => rm(root, {recursive: true, force: true}));
	return path.join(root, 'state');
}

test('plan text and JSON of the shipped runbooks show the operator\'s values (the defaults only where a parameter is declared)', async t => {
	const state = await stateDir(t);
	const text = await runCli(['plan', '--state', state, ...operatorSetArgs]);
	t.is(text.exitCode, 0, text.stderr);
	const lines = text.stdout.split('\n').filter(line => !/^\s+parameter \w+ = .*\[replaces /.test(line));
	t.deepEqual(shownDefaults(lines.join('\n')), []);
	const json = await runCli(['plan', '--json', '--state', state, ...operatorSetArgs]);
	t.is(json.exitCode, 0, json.stderr);
	const documents = (JSON.parse(json.stdout) as {documents: Array<Record<string, unknown>>}).documents.map(({parameters: _declared, ...document}) => document);
	t.deepEqual(shownDefaults(JSON.stringify(documents)), []);
});

test('verify (plain and JSON) runs and reports the checks on the operator\'s hosts', async t => {
	const state = await stateDir(t);
	for (const format of [[], ['--json']]) {
		// eslint-disable-next-line no-await-in-loop
		const result = await runCli(['verify', ...format, '--state', state, ...operatorSetArgs]);
		t.is(result.exitCode, 1, result.stderr);
		t.regex(result.stdout, /matrix\.zq7-operator\.test/);
		t.deepEqual(shownDefaults(result.stdout), [], `verify ${format.join(' ')}`);
	}
});

test('plan uses the values the walkthrough saved', async t => {
	const state = await stateDir(t);
	// What the form does when the operator presses Enter on its last field.
	new EngineController(loadDocuments(), testEngineOptions(path.dirname(state))).setValues(operatorValues);
	const text = await runCli(['plan', '--state', state]);
	t.is(text.exitCode, 0, text.stderr);
	t.regex(text.stdout, /matrix\.zq7-operator\.test/);
	t.deepEqual(shownDefaults(text.stdout.split('\n').filter(line => !/\[replaces /.test(line)).join('\n')), []);
});
