import {readFileSync} from 'node:fs';
import test from 'ava';
import {checkSetValues, invalidValue, missingParameters, parametersUsedIn, parameterValues} from '../../../source/domain/params/parameters.js';
import {substituteText} from '../../../source/domain/params/substitute.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {resolveStep} from '../../../source/domain/params/resolve-step.js';
import {InputError, type Parameter} from '../../../source/domain/types.js';
import {seedPath, shippedPath} from '../seed-paths.js';

const raw = parseDocument(readFileSync(seedPath, 'utf8'), 'seed.md');
const shipped = parseDocument(readFileSync(shippedPath, 'utf8'), 'shipped.md');

test('the raw seed: its own values and the VERSION placeholder are detected', (t) => {
	t.deepEqual(
		raw.parameters.map(({name, literal, type, default: value}) => [name, literal, type, value]),
		[
			['domain', 'tomesh.net', 'domain', 'tomesh.net'],
			['matrix_host', 'matrix.tomesh.net', 'domain', 'matrix.tomesh.net'],
			['chat_host', 'chat.tomesh.net', 'domain', 'chat.tomesh.net'],
			['email', 'hello@tomesh.net', 'email', 'hello@tomesh.net'],
			['version', 'VERSION', 'version', undefined],
		],
	);
});

test('the shipped runbook declares the same names plus the web client tarball', (t) => {
	t.deepEqual(
		shipped.parameters.map((parameter) => parameter.name),
		['domain', 'matrix_host', 'chat_host', 'email', 'version', 'web_tarball'],
	);
	t.deepEqual(missingParameters(shipped.parameters, parameterValues(shipped.parameters)).map((parameter) => parameter.name), ['version']);
});

test('validation per type', (t) => {
	t.is(invalidValue('domain', 'matrix.example.org'), undefined);
	t.truthy(invalidValue('domain', 'bad_host'));
	t.truthy(invalidValue('domain', 'a.b; rm -rf /'));
	t.truthy(invalidValue('domain', '-x.org'));
	t.is(invalidValue('email', 'admin@example.org'), undefined);
	t.truthy(invalidValue('email', 'admin@'));
	t.is(invalidValue('version', 'v0.33.8'), undefined);
	t.truthy(invalidValue('version', 'v1 && reboot'));
	t.is(invalidValue('ip', '192.0.2.1'), undefined);
	t.truthy(invalidValue('ip', '300.1.1.1'));
	t.is(invalidValue('ipv6', '2001:db8::1'), undefined);
	t.truthy(invalidValue('ipv6', '192.0.2.1'));
	t.is(invalidValue('path', '/home/op/web.tar.gz'), undefined);
	t.truthy(invalidValue('path', 'relative/x'));
	t.truthy(invalidValue('path', "/x/'$(id)'"));
});

test('--set: unknown names and invalid values are InputErrors naming --set; names match case-insensitively', (t) => {
	t.throws(() => checkSetValues(raw.parameters, {nope: 'x'}), {instanceOf: InputError, message: /^--set: unknown parameter 'nope'/});
	t.throws(() => checkSetValues(raw.parameters, {domain: 'not a host'}), {instanceOf: InputError, message: /^--set: domain: expected a host name/});
	t.deepEqual(checkSetValues(raw.parameters, {VERSION: 'v1.2.3'}), {version: 'v1.2.3'});
});

test('resolveStep fills commands (quoted), paths, file contents and checks', (t) => {
	const values = parameterValues(shipped.parameters, checkSetValues(shipped.parameters, {domain: 'example.org', matrix_host: 'matrix.example.org', email: 'ops@example.org'}));
	const https = shipped.runbooks[2]!;
	const write = resolveStep(https.steps[1]!, shipped.parameters, values).actions[0]!;
	t.like(write, {kind: 'write', path: '/etc/nginx/sites-available/matrix.example.org'});
	t.true(write.kind === 'write' && write.content.includes('server_name matrix.example.org;') && !write.content.includes('tomesh'));
	const link = resolveStep(https.steps[2]!, shipped.parameters, values).actions[0]!;
	t.like(link, {
		kind: 'run',
		command: "ln -s /etc/nginx/sites-available/matrix.example.org /etc/nginx/sites-enabled/matrix.example.org",
		unless: "test -L /etc/nginx/sites-enabled/matrix.example.org",
	});
	const cert = resolveStep(https.steps[4]!, shipped.parameters, values);
	t.like(cert.actions[0], {command: "/opt/letsencrypt/letsencrypt-auto certonly --agree-tos --renew-by-default --email ops@example.org -a webroot --webroot-path=/usr/share/nginx/html -d matrix.example.org"});
	t.like(cert.checks[0], {kind: 'file', path: '/etc/letsencrypt/live/matrix.example.org/fullchain.pem'});
	const log = resolveStep(shipped.runbooks[0]!.steps[6]!, shipped.parameters, values).actions[0]!;
	t.like(log, {kind: 'edit', path: 'example.org.log.config'});
	const original = shipped.runbooks[2]!.steps[1]!.actions[0]!;
	t.true(original.kind === 'write' && original.path.endsWith('matrix.tomesh.net'), 'the parsed step is not changed');
});

test('placeholders: IPv6:ADDRESS in a command, "replace USERNAME with" in prose', (t) => {
	const document = parseDocument(
		[
			'# Router',
			'',
			'## Configure IPv6',
			'',
			'1. Add the address:',
			'',
			'\t```',
			'\t# ip -6 addr add IPv6:ADDRESS/64 dev eth0',
			'\t```',
			'',
			"1. Run the query, replace USERNAME with the user's name:",
			'',
			'\t```',
			"\tUPDATE users SET admin=1 WHERE name = '@USERNAME:example.org';",
			'\t```',
			'',
			'1. SSH into **router** and run:',
			'',
			'\t```',
			'\t# set system name-server 8.8.8.8',
			'\t```',
		].join('\n'),
		'router.md',
	);
	t.deepEqual(
		document.parameters.map(({name, literal, type, default: value}) => [name, literal, type, value]),
		[
			['ipv6_address', 'IPv6:ADDRESS', 'ipv6', undefined],
			['username', 'USERNAME', 'text', undefined],
		],
	);
	const values = checkSetValues(document.parameters, {ipv6_address: '2001:db8::1'});
	t.like(resolveStep(document.runbooks[0]!.steps[0]!, document.parameters, parameterValues(document.parameters, values)).actions[0], {
		command: "ip -6 addr add 2001:db8::1/64 dev eth0",
	});
	t.like(document.runbooks[0]!.steps[2]!.actions[0], {kind: 'manual', code: '# set system name-server 8.8.8.8'});
});

test('a rejected value is named on one line whatever it holds; a version cannot pass for an option', (t) => {
	t.is(invalidValue('text', 'a\nb'), String.raw`expected one line of text, got "a\nb"`);
	t.truthy(invalidValue('version', '--upload-pack=x'));
	t.is(invalidValue('version', 'v1.2-rc/3'), undefined);
});

test('a parameter is used where substitution would replace its literal: a whole word, not part of a longer name', t => {
	const version: Parameter = {name: 'version', literal: 'VERSION', type: 'version', line: 1};
	const domain: Parameter = {name: 'domain', literal: 'example.org', type: 'domain', line: 2};
	t.deepEqual(parametersUsedIn([version, domain], {command: 'echo $VERSION_CODENAME; ping myexample.org'}), []);
	t.deepEqual(parametersUsedIn([version, domain], {command: 'pip install synapse==VERSION; ping example.org'}), [version, domain]);
});

test('asking whether a literal is used leaves substitution as it was (the pattern they share starts again at 0)', t => {
	const domain: Parameter = {name: 'domain', literal: 'example.org', type: 'domain', line: 2};
	const text = 'example.org and example.org again';
	t.deepEqual(parametersUsedIn([domain], {text: `a long prefix before ${text}`}), [domain]);
	t.is(substituteText(text, [{name: 'domain', literal: 'example.org', value: 'mine.net'}]), 'mine.net and mine.net again');
});
