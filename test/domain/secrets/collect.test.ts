import {readFileSync} from 'node:fs';
import test from 'ava';
import {collectSecrets} from '../../../source/domain/secrets/collect.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {fixtureSecrets, secretsFixture} from '../../helpers/secrets.js';

test('all 22 secrets of the fixture are collected, and few values besides', t => {
	const document = parseDocument(readFileSync(secretsFixture, 'utf8'), secretsFixture);
	const secrets = collectSecrets([document], {admin_password: 'ParamSecret-0014'}, document.parameters);
	t.deepEqual(fixtureSecrets.filter(secret => !secrets.has(secret)), []);
	// Over-masking stays small: what else is collected is a longer form of a secret (a folded value joined, a whole line).
	const extra = [...secrets].filter(value => !fixtureSecrets.includes(value));
	t.true(extra.every(value => fixtureSecrets.some(secret => value.includes(secret))), JSON.stringify(extra));
});

test('a parameter is secret by its name: its value, never its upper-case placeholder', t => {
	const parameters = [{name: 'admin_password', literal: 'ADMIN_PASSWORD', type: 'text' as const, line: 1}, {name: 'domain', literal: 'example.org', type: 'domain' as const, line: 1}];
	const secrets = collectSecrets([], {admin_password: 'typed-secret', domain: 'chat.example.org'}, parameters);
	t.deepEqual([...secrets], ['typed-secret']);
	t.deepEqual([...collectSecrets([], {admin_password: 'ALLCAPSPASSWORD'}, parameters)], ['ALLCAPSPASSWORD'], 'a typed value is a secret whatever it looks like');
});
