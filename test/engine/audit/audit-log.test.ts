import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {AuditLog} from '../../../source/engine/audit/audit-log.js';


test('entries are appended, stamped, prefixed after masking, in a 0600 file', t => {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'tomesh-audit-'));
	const log = new AuditLog(directory);
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
