import {existsSync, mkdirSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {removeLeftovers} from '../../../source/engine/backup/leftovers.js';
import {RunBackups} from '../../../source/engine/backup/run-backups.js';
import {pidNamespace} from '../../../source/engine/process/temporary-prefix.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

const ns = pidNamespace();

// Above the largest pid Linux hands out (4194304): no process has it.
const gone = 99_999_999;

test('what runs that are gone left is removed; what a live run is using is kept', async t => {
	const root = temporaryDirectory('tomesh-leftovers-');
	const tmp = path.join(root, 'tmp');
	const backupDir = path.join(root, 'backups');
	const target = path.join(root, 'etc', 'app.conf');
	mkdirSync(path.dirname(target), {recursive: true});
	writeFileSync(target, 'a\n');
	await new RunBackups(backupDir, {runId: 'run-0'}).before('rb/1', target);
	const files = {
		deadTemp: path.join(root, 'etc', `.app.conf.tomesh-${gone}-1700000000000`),
		liveTemp: path.join(root, 'etc', `.app.conf.tomesh-${process.pid}-1700000000000`),
		deadPartial: path.join(backupDir, 'objects', `.abc.partial-${gone}`),
		deadSession: path.join(tmp, `tomesh-session-${gone}n${ns}-AbC123`),
		liveSession: path.join(tmp, `tomesh-session-${process.pid}n${ns}-AbC123`),
		// A run in another pid namespace (a sandbox sharing /tmp): its pid means nothing here.
		foreignSession: path.join(tmp, `tomesh-session-${gone}n1${ns}-AbC123`),
		deadOutput: path.join(tmp, `tomesh-output-${gone}n${ns}-XyZ789`),
		oldLegacy: path.join(tmp, 'tomesh-session-Qw3rTy'),
		newLegacy: path.join(tmp, 'tomesh-session-As4dFg'),
		other: path.join(tmp, 'tomesh-session-test-abc'),
	};
	for (const [name, file] of Object.entries(files)) {
		if (name.endsWith('Temp') || name.endsWith('Partial')) writeFileSync(file, 'half');
		else mkdirSync(file, {recursive: true});
	}

	writeFileSync(path.join(files.deadSession, 'command.sh'), 'echo secret\n');
	const now = Date.now() + 2 * 24 * 60 * 60 * 1000;
	// The legacy directory made "now" is two days old at `now`; the other one is made to look fresh.
	utimesSync(files.newLegacy, new Date(now), new Date(now));
	const removed = removeLeftovers(backupDir, tmp, now);
	t.deepEqual(removed.sort(), [files.deadTemp, files.deadPartial, files.deadSession, files.deadOutput, files.oldLegacy].sort());
	for (const file of [files.liveTemp, files.liveSession, files.foreignSession, files.newLegacy, files.other, target]) t.true(existsSync(file), file);
});
