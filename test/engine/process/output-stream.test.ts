import {spawn, spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {openFifo} from '../../../source/engine/process/output-pipe.js';
import {readStream} from '../../../source/engine/process/output-stream.js';

// The stream reader as the main thread runs it when the output thread cannot start: the same thinning, the same end.
test('read in this thread: the start whole, every byte accounted for, the end kept', async t => {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'tomesh-stream-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'out');
	t.is(spawnSync('mkfifo', [file]).status, 0);
	const fifo = openFifo(file);
	const child = spawn('seq', ['1', '400000'], {stdio: ['ignore', fifo.writeFd, 'inherit']});
	const closed = new Promise(resolve => child.once('close', resolve));
	closeSync(fifo.writeFd);
	let accounted = 0;
	let first = '';
	const stream = readStream(fifo, (text, skipped) => {
		first ||= text;
		accounted += Buffer.byteLength(text) + skipped;
	});
	await stream.ended;
	await closed;
	const total = Array.from({length: 400_000}, (_, i) => `${i + 1}\n`).join('').length;
	t.is(accounted, total);
	t.true(first.startsWith('1\n2\n3\n'));
	t.true(stream.kept().endsWith('399999\n400000\n'));
});
