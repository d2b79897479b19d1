import test from 'ava';
import {findProseSecrets, findSecretValues} from '../../../source/domain/secrets/find-values.js';

// Each form a secret takes in a setup document, and the value the finder must return for it.
const forms: Array<[string, string, string]> = [
	['-p PW', 'sshpass -p Sshpass-Pw-1 ssh backup@host true', 'Sshpass-Pw-1'],
	['-pPW', "mysql -u root -pMysqlGlued2 -e 'select 1'", 'MysqlGlued2'],
	['Authorization: Bearer', 'curl -H "Authorization: Bearer tok.en-3" https://x', 'tok.en-3'],
	['user:pw@host', 'git clone https://deploy:UrlPass4@git.example.org/x.git', 'UrlPass4'],
	['htpasswd -b', 'htpasswd -b -c /etc/nginx/.htpasswd admin Htpass-6', 'Htpass-6'],
	['htpasswd -nb', 'htpasswd -nb admin Htpass-7n', 'Htpass-7n'],
	['folded YAML', 'ldap_bind_password: >\n  Folded-one\n  Folded-two\nnext: 1', 'Folded-one'],
	['literal YAML', 'turn_shared_secret: |\n  Literal-line\nnext: 1', 'Literal-line'],
	['smtp_pass', 'email:\n  smtp_pass: SmtpPass-10', 'SmtpPass-10'],
	['PEM body', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA'],
	['--password PW', 'register --password FlagPw-15 -u bob', 'FlagPw-15'],
	['--password=PW', "register --password='FlagEq 16' -u bob", 'FlagEq 16'],
	['export TOKEN=', 'export API_TOKEN=Exported-17', 'Exported-17'],
	['YAML key', 'registration_shared_secret: "RegShared-18"', 'RegShared-18'],
	['JSON key', '  "password": "JsonPw-21",', 'JsonPw-21'],
	['ini key', 'db_password = Ini Pw 22', 'Ini Pw 22'],
	['env before a command', "PGPASSWORD=EnvPw-23 psql -c 'select 1'", 'EnvPw-23'],
	['echo into a file', 'echo "form_secret: Echoed-24" >> homeserver.yaml', 'Echoed-24'],
];

for (const [form, text, value] of forms) {
	test(`finds the secret of the form ${form}`, t => {
		t.true(findSecretValues(text).includes(value), JSON.stringify(findSecretValues(text)));
	});
}

test('the folded value is found line by line and joined', t => {
	const found = findSecretValues('ldap_bind_password: >-\n  Folded-one\n  Folded-two\nnext: 1');
	t.true(found.includes('Folded-two'));
	t.true(found.includes('Folded-one Folded-two'));
	t.false(found.includes('next: 1'));
});

test('a new secret given in prose is found', t => {
	t.deepEqual(findProseSecrets('Rotate it by changing `registration_shared_secret` to `ProseNew-13` in **homeserver.yaml**.'), ['ProseNew-13']);
	t.deepEqual(findProseSecrets('Allow sign-ups by changing `enable_registration` to `True` in **homeserver.yaml**.'), []);
});

// What is not a secret stays readable: over-masking hides what the operator needs to see.
const notSecrets = [
	'mkdir -p /var/www/chat && cd /var/www/chat',
	'registration_shared_secret_path: /etc/matrix-synapse/secret',
	'refresh_token_lifetime: 3600',
	'form_secret: ~',
	'macaroon_secret_key: ',
	'password: "$DB_PASSWORD"',
	'register --password "$ADMIN_PASSWORD"',
	'secret: abc',
	'ssh -p 2222 admin@host',
	'mysql -u root -p PASSWORD',
];

test('references, placeholders, short values and non-password -p are not taken for secrets', t => {
	for (const text of notSecrets) t.deepEqual(findSecretValues(text), [], text);
	// Prose is read only for "changing `KEY` to `VALUE`": "the secret: keep it safe" names no value.
	t.deepEqual(findProseSecrets('Keep the secret: keep it safe, and the `form_secret` too.'), []);
});

test('the password after each mysql or sshpass, command by command', t => {
	const text = 'mysql -u a -pFirstPw1; mysql --help | grep x\nsshpass -p Second-Pw2 ssh h && mysqldump -u b -p"Third Pw3" db';
	t.deepEqual(findSecretValues(text).filter(value => /Pw\d/.test(value)), ['FirstPw1', 'Second-Pw2', 'Third Pw3']);
	// A command without one does not end the search for the next command's.
	t.true(findSecretValues('mysql mysql mysql -u root; mysql -pLaterPw4').includes('LaterPw4'));
});

test('contrived shapes read in one pass: many program words without a password, many key blocks without an end', t => {
	const programs = `${'mysql '.repeat(20_000)}-x\nmysql -pAfterAll5`;
	t.deepEqual(findSecretValues(programs), ['AfterAll5']);
	const begins = `${'-----BEGIN RSA PRIVATE KEY-----\nMIIEnoEnd\n'.repeat(20_000)}`;
	t.deepEqual(findSecretValues(begins), []);
	const twoKeys = '-----BEGIN EC PRIVATE KEY-----\nKeyBodyOne\n-----END EC PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nKeyBodyTwo\nKeyBodyTwoB\n-----END PRIVATE KEY-----';
	t.deepEqual(findSecretValues(twoKeys), ['KeyBodyOne', 'KeyBodyTwo', 'KeyBodyTwoB']);
});
