import test from 'ava';
import {FileChangeError, newText} from '../../../source/domain/edit/file-change.js';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import type {EditOp} from '../../../source/domain/types.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const edit = (path: string, op: EditOp) => ({kind: 'edit', path, edit: op, line: 1}) as const;

const homeserver = `# vim:ft=yaml
server_name: "tomesh.net"

# Enable registration for new users.
enable_registration: False

# Whether room invites to users on this server should be blocked
block_non_admin_invites: False
`;

test('set-yaml changes only the value of the key and keeps comments', t => {
	const after = newText(homeserver, edit('homeserver.yaml', {op: 'set-yaml', key: ['enable_registration'], value: 'True'}));
	t.is(after, homeserver.replace('enable_registration: False', 'enable_registration: True'));
});

test('set-yaml reaches nested keys (handlers:file:backupCount)', t => {
	const log = `version: 1\n\nhandlers:\n    file:\n        class: logging.handlers.RotatingFileHandler\n        maxBytes: 104857600\n        backupCount: 10  # old logs\n    console:\n        backupCount: 3\n`;
	const after = newText(log, edit('x.log.config', {op: 'set-yaml', key: ['handlers', 'file', 'backupCount'], value: '1'}));
	t.is(after, log.replace('backupCount: 10  # old logs', 'backupCount: 1  # old logs'));
});

test('set-yaml is idempotent and fails clearly on a missing nested key or file', t => {
	const op = edit('homeserver.yaml', {op: 'set-yaml', key: ['enable_registration'], value: 'True'});
	const once = newText(homeserver, op);
	t.is(newText(once, op), once);
	const error = t.throws(() => newText(homeserver, edit('homeserver.yaml', {op: 'set-yaml', key: ['a', 'b'], value: '1'})), {
		instanceOf: FileChangeError,
	});
	t.regex(error.message, /homeserver\.yaml has no key a:b/);
	t.throws(() => newText(undefined, op), {instanceOf: FileChangeError, message: /homeserver\.yaml does not exist/});
});

test('set-yaml adds a top-level key the file does not have', t => {
	const after = newText('a: 1\n', edit('h.yaml', {op: 'set-yaml', key: ['enable_registration'], value: 'True'}));
	t.is(after, 'a: 1\nenable_registration: True\n');
});

test('append-line appends once, however often it runs', t => {
	const op = edit('homeserver.yaml', {op: 'append-line', line: 'synctl_cache_factor: 0.02'});
	const once = newText(homeserver, op);
	t.is(once, `${homeserver}synctl_cache_factor: 0.02\n`);
	t.is(newText(once, op), once);
	t.is(newText('no newline', op), 'no newline\nsynctl_cache_factor: 0.02\n');
});

test('comment-and-insert comments the resolver line and adds the IPv4 one, once', t => {
	const interfaces = `auto eth0\niface eth0 inet static\n        address 192.0.2.10\n        dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8.8.8.8\n\niface eth0 inet6 static\n`;
	const op = edit('/etc/network/interfaces', {op: 'comment-and-insert', match: '^dns-nameservers', insert: ['dns-nameservers 8.8.8.8']});
	const after = newText(interfaces, op);
	t.is(
		after,
		interfaces.replace(
			'        dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8.8.8.8\n',
			'#        dns-nameservers 2001:4860:4860::8844 2001:4860:4860::8888 8.8.8.8\n        dns-nameservers 8.8.8.8\n',
		),
	);
	t.is(newText(after, op), after);
});

test('write gives the content with a final newline', t => {
	t.is(newText(undefined, {kind: 'write', path: 'c.json', content: '{}', line: 1}), '{}\n');
	t.is(newText('old', {kind: 'write', path: 'c.json', content: '{}\n', line: 1}), '{}\n');
});

test('set-yaml finds a key named without its parents when the file has exactly one', t => {
	const settings = 'server:\n  # who may join\n  registration: False\n  name: example\n';
	const op = edit('settings.yaml', {op: 'set-yaml', key: ['registration'], value: 'True'});
	t.is(newText(settings, op), settings.replace('registration: False', 'registration: True'));
	const twice = 'a:\n  registration: False\nb:\n  registration: False\n';
	t.throws(() => newText(twice, op), {instanceOf: FileChangeError, message: /registration in several places \(a:registration, b:registration\)/});
});
