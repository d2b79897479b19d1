import {readFileSync, statSync} from 'node:fs';
import test from 'ava';
import {maskWith} from '../../../source/domain/secrets/masker.js';
import {AuditLog} from '../../../source/engine/audit/audit-log.js';
import {temporaryDirectory} from '../../helpers/temporary.js';


test('entries are appended, stamped, prefixed after masking, in a 0600 file', t => {
	const directory = temporaryDirectory('tomesh-audit-');
	// Known values are masked everywhere; quoted text (output) is also searched for `key: value` secrets.
	const log = new AuditLog(directory, maskWith(['s3cret']));
	log.write('a.b/1', 'run as root: register --password s3cret');
	log.write('a.b/1', 'form_secret: "abc"\nPASSWORD=zzz ./tool', '  | ');
	const lines = readFileSync(log.file, 'utf8').trimEnd().split('\n');
	t.is(lines.length, 3);
	t.regex(lines[0]!, /^\d{4}-\d\d-\d\dT[\d:.]+Z a\.b\/1 run as root: register --password \*+$/);
	t.regex(lines[1]!, /a\.b\/1 {3}\| form_secret: "\*+"$/);
	t.regex(lines[2]!, /\| PASSWORD=\*+/);
	t.false(lines[2]!.includes('zzz'));
	t.is(statSync(log.file).mode & 0o777, 0o600);
});

test('the tool\'s own lines are masked by value only: a runbook id with "secrets" in it is not a key', t => {
	const directory = temporaryDirectory('tomesh-audit-');
	const log = new AuditLog(directory, maskWith(['hunter22']));
	log.write('manage-secrets.rotate/1', 'step 1 of manage-secrets.rotate: Rotate the keys');
	log.write('manage-secrets.rotate/1', 'run as root: secrets-tool: rotate --password hunter22');
	const text = readFileSync(log.file, 'utf8');
	t.true(text.includes('manage-secrets.rotate: Rotate the keys'));
	t.true(text.includes('secrets-tool: rotate --password ********'));
	t.false(text.includes('hunter22'));
});
