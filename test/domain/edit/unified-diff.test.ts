import test from 'ava';
import {createTwoFilesPatch} from 'diff';
import {diffStat, unifiedDiff} from '../../../source/domain/edit/unified-diff.js';
import {maskSecrets} from '../../../source/domain/secrets.js';
import {maskWith} from '../../../source/domain/secrets/masker.js';

test('a changed line gives a minimal unified diff', t => {
	const diff = unifiedDiff('homeserver.yaml', 'a: 1\nenable_registration: False\nb: 2\n', 'a: 1\nenable_registration: True\nb: 2\n');
	t.regex(diff, /^--- homeserver\.yaml\n\+\+\+ homeserver\.yaml\n@@ -1,3 \+1,3 @@/);
	t.true(diff.includes('-enable_registration: False\n+enable_registration: True'));
	t.deepEqual(diffStat(diff), {added: 1, removed: 1});
});

test('a missing file diffs as all added; equal texts give no diff', t => {
	const diff = unifiedDiff('/etc/x', undefined, 'one\ntwo\n');
	t.true(diff.startsWith('--- /dev/null\n+++ /etc/x\n'));
	t.deepEqual(diffStat(diff), {added: 2, removed: 0});
	t.is(unifiedDiff('/etc/x', 'same\n', 'same\n'), '');
});

test('secrets are masked in diffs', t => {
	const diff = unifiedDiff('h.yaml', 'a: 1\n', 'a: 1\nregistration_shared_secret: "s3cr3t-value"\nmacaroon_secret_key: abc\n');
	t.false(diff.includes('s3cr3t-value'));
	t.false(diff.includes('abc'));
	t.true(diff.includes('+registration_shared_secret: "********"'));
});

test('maskSecrets covers YAML, JSON and flags, and leaves other text alone', t => {
	t.is(maskSecrets('form_secret: "x1"'), 'form_secret: "********"');
	t.is(maskSecrets('  "password": "hunter2",'), '  "password": "********",');
	t.is(maskSecrets('register --password hunter2 -u bob'), 'register --password ******** -u bob');
	t.is(maskSecrets('enable_registration: True\nserver_name: tomesh.net'), 'enable_registration: True\nserver_name: tomesh.net');
	t.is(maskSecrets('registration_shared_secret: ~'), 'registration_shared_secret: ~');
});

test('maskSecrets masks secrets inside command lines too', t => {
	t.is(maskSecrets('echo "form_secret: s3cr3t" >> homeserver.yaml'), 'echo "form_secret: ********" >> homeserver.yaml');
	t.is(maskSecrets('env ADMIN_PASSWORD=hunter2 register_user bob'), 'env ADMIN_PASSWORD=******** register_user bob');
	t.is(maskSecrets('export API_KEY=abc123; run'), 'export API_KEY=********; run');
	t.is(maskSecrets('registration_shared_secret: "x9"'), 'registration_shared_secret: "********"');
});

test('a secret parameter\'s value is masked wherever it appears, also shell-quoted or inside JSON', t => {
	const mask = maskWith(["it's a s3cret", 'ab']);
	t.is(mask(`register -p 'it'\\''s a s3cret' --admin`), `register -p '********' --admin`);
	t.is(mask(String.raw`{"password":"it's a s3cret"}`), '{"password":"********"}');
	t.is(mask('echo it\'s a s3cret'), 'echo ********');
	t.is(mask('tab and cab'), 'tab and cab', 'values too short to mask are left alone');
});

test('a new file diffs exactly as the diff package writes it', t => {
	const texts = ['x', 'x\n', '\n', '\n\n', 'a\nb', 'a\nb\n', ' a\n\tb\n\n', 'a\r\nb\r\n', 'key = v\nsecret_key = s1verysecret\n', '\\ No newline\n+x\n-y'];
	for (const text of texts) {
		const patch = createTwoFilesPatch('/dev/null', '/etc/x y.conf', '', text, undefined, undefined, {context: 3});
		t.is(unifiedDiff('/etc/x y.conf', undefined, text), maskSecrets(patch.replace(/^Index: .*\n/, '').replace(/^=+\n/, '')), JSON.stringify(text));
	}
});
