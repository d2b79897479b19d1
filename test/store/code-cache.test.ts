import {createHash} from 'node:crypto';
import {chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {codeCache, type CodeCache} from '../../source/store/code-cache.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const key = (text: string) => createHash('sha256').update(text).digest();
const data = Buffer.from('compiled code, as V8 would give it');

function stateDirectory(): string {
	const state = path.join(temporaryDirectory('tomesh-code-cache-'), 'state');
	mkdirSync(state, {mode: 0o700});
	return state;
}

function open(state: string, text = 'script text'): CodeCache {
	const cache = codeCache(state, 'walkthrough', key(text));
	if (!cache) throw new Error('no cache');
	return cache;
}

const file = (state: string) => path.join(state, 'code-cache', 'walkthrough.bin');

test('what was written for a key is read back for that key, from a 0600 file in a 0700 directory', t => {
	const state = stateDirectory();
	t.is(open(state).read(), undefined);
	open(state).write(data);
	t.deepEqual(open(state).read(), data);
	t.is(statSync(path.dirname(file(state))).mode & 0o777, 0o700);
	t.is(statSync(file(state)).mode & 0o777, 0o600);
});

test('another key (another script, another Node) reads nothing, and its write replaces the file', t => {
	const state = stateDirectory();
	open(state).write(data);
	t.is(open(state, 'another script').read(), undefined);
	open(state, 'another script').write(Buffer.from('other code'));
	t.deepEqual(open(state, 'another script').read(), Buffer.from('other code'));
	t.is(open(state).read(), undefined, 'one file a script name: the old code is gone');
});

test('a file others can write, a link in its place, or one owned by another user is not read', t => {
	const state = stateDirectory();
	open(state).write(data);
	chmodSync(file(state), 0o666);
	t.is(open(state).read(), undefined);
	chmodSync(file(state), 0o600);
	t.deepEqual(open(state).read(), data);
	const elsewhere = path.join(path.dirname(state), 'elsewhere.bin');
	writeFileSync(elsewhere, readFileSync(file(state)), {mode: 0o600});
	rmSync(file(state));
	symlinkSync(elsewhere, file(state));
	t.is(open(state).read(), undefined);
	if (process.geteuid?.() === 0) {
		rmSync(file(state));
		open(state).write(data);
		chownSync(file(state), 65_534, 65_534);
		t.is(open(state).read(), undefined);
	}
});

test('a link in place of the file is replaced by the write, never written through', t => {
	const state = stateDirectory();
	mkdirSync(path.dirname(file(state)), {mode: 0o700});
	const target = path.join(path.dirname(state), 'target');
	writeFileSync(target, 'untouched');
	symlinkSync(target, file(state));
	open(state).write(data);
	t.is(readFileSync(target, 'utf8'), 'untouched');
	t.deepEqual(open(state).read(), data);
});

test('no cache in a state directory that does not exist yet (nothing is created) or that others can write', t => {
	const missing = path.join(temporaryDirectory('tomesh-code-cache-'), 'state');
	t.is(codeCache(missing, 'walkthrough', key('x')), undefined);
	t.false(existsSync(missing));
	const shared = stateDirectory();
	chmodSync(shared, 0o777);
	t.is(codeCache(shared, 'walkthrough', key('x')), undefined);
});

test('a short or empty file is nothing, not an error', t => {
	const state = stateDirectory();
	open(state).write(data);
	writeFileSync(file(state), 'short');
	t.is(open(state).read(), undefined);
	writeFileSync(file(state), '');
	t.is(open(state).read(), undefined);
});

test('damaged data (its digest no longer matches) is nothing: V8 would run it as it is', t => {
	const state = stateDirectory();
	open(state).write(data);
	const bytes = readFileSync(file(state));
	bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
	writeFileSync(file(state), bytes);
	t.is(open(state).read(), undefined);
});
