import {chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {loadCachedDocuments} from '../../source/load-cached-documents.js';
import {runbooksDirectory} from '../../source/load-documents.js';
import {documentCache, type DocumentCache} from '../../source/store/document-cache.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const shipped = readdirSync(runbooksDirectory())
	.filter(name => name.endsWith('.md'))
	.map(name => path.join(runbooksDirectory(), name));

function stateDirectory(): string {
	const state = path.join(temporaryDirectory('tomesh-cache-'), 'state');
	mkdirSync(state, {mode: 0o700});
	return state;
}

function openCache(state: string, build = 'build-1'): DocumentCache {
	const cache = documentCache(state, build);
	if (!cache) throw new Error('no cache');
	return cache;
}

const entries = (state: string) => readdirSync(path.join(state, 'parsed')).map(name => path.join(state, 'parsed', name));
const document = (file: string) => ({file, text: readFileSync(file, 'utf8')});

test('a shipped runbook comes back from the cache exactly as parsed, from a 0600 entry in a 0700 directory', t => {
	const state = stateDirectory();
	for (const {file, text} of shipped.map(document)) {
		const cache = openCache(state);
		t.is(cache.get(file, text), undefined);
		cache.set(file, text, parseDocument(text, file));
		t.deepEqual(openCache(state).get(file, text), parseDocument(text, file));
	}

	t.is(statSync(path.join(state, 'parsed')).mode & 0o777, 0o700);
	t.is(entries(state).length, shipped.length);
	for (const entry of entries(state)) t.is(statSync(entry).mode & 0o777, 0o600);
});

test('loadCachedDocuments takes a cached document instead of parsing the file again', async t => {
	const state = stateDirectory();
	const cache = openCache(state);
	const fresh = await loadCachedDocuments([], cache);
	t.deepEqual(await loadCachedDocuments([], cache), fresh);
	// An entry made for the same text is used as it is: proof that nothing was parsed.
	const {file, text} = document(shipped[0]!);
	cache.set(file, text, {...parseDocument(text, file), title: 'From the cache'});
	t.true((await loadCachedDocuments([], cache)).some(item => item.title === 'From the cache'));
});

test('a stale entry (the document changed, or another build made it) is ignored, then replaced', t => {
	const state = stateDirectory();
	const {file, text} = document(shipped[0]!);
	openCache(state).set(file, text, parseDocument(text, file));
	t.is(openCache(state).get(file, `${text}\nOne more line.\n`), undefined);
	t.is(openCache(state, 'build-2').get(file, text), undefined);
	t.is(openCache(state).get(`./${path.relative(process.cwd(), file)}`, text), undefined, 'the path as given is part of the key');
	const changed = `${text}\nOne more line.\n`;
	openCache(state).set(file, changed, parseDocument(changed, file));
	t.truthy(openCache(state).get(file, changed));
	t.is(openCache(state).get(file, text), undefined);
	t.is(entries(state).length, 1, 'one entry a document');
});

for (const [name, damage] of [
	['not JSON', '{"key": '],
	['JSON of another shape', '{"key": 1, "document": []}'],
	['the right key with no document', 'KEY'],
] as const) {
	test(`a damaged entry (${name}) is ignored and rewritten`, async t => {
		const state = stateDirectory();
		const {file, text} = document(shipped[0]!);
		const cache = openCache(state);
		cache.set(file, text, parseDocument(text, file));
		const [entry] = entries(state);
		const {key} = JSON.parse(readFileSync(entry!, 'utf8')) as {key: string};
		writeFileSync(entry!, damage === 'KEY' ? JSON.stringify({key}) : damage);
		t.is(cache.get(file, text), undefined);
		t.deepEqual(await loadCachedDocuments([file], cache), [parseDocument(text, file)]);
		t.deepEqual(cache.get(file, text), parseDocument(text, file));
	});
}

test('an entry others can write, or a link in its place, is not read', t => {
	const state = stateDirectory();
	const {file, text} = document(shipped[0]!);
	const cache = openCache(state);
	cache.set(file, text, parseDocument(text, file));
	const [entry] = entries(state);
	chmodSync(entry!, 0o666);
	t.is(cache.get(file, text), undefined);
	chmodSync(entry!, 0o600);
	t.truthy(cache.get(file, text));
	const elsewhere = path.join(path.dirname(state), 'elsewhere.json');
	writeFileSync(elsewhere, readFileSync(entry!), {mode: 0o600});
	rmSync(entry!);
	symlinkSync(elsewhere, entry!);
	t.is(cache.get(file, text), undefined);
});

test('an entry owned by another user is not read', t => {
	if (process.geteuid?.() !== 0) {
		t.pass('needs root to give a file to another user');
		return;
	}

	const state = stateDirectory();
	const {file, text} = document(shipped[0]!);
	openCache(state).set(file, text, parseDocument(text, file));
	const [entry] = entries(state);
	chownSync(entry!, 65_534, 65_534);
	t.is(openCache(state).get(file, text), undefined);
});

test('no cache in a state directory that does not exist yet (nothing is created) or that others can write', t => {
	const missing = path.join(temporaryDirectory('tomesh-cache-'), 'state');
	t.is(documentCache(missing, 'build-1'), undefined);
	t.false(existsSync(missing));
	const open = stateDirectory();
	chmodSync(open, 0o777);
	t.is(documentCache(open, 'build-1'), undefined);
	if (process.geteuid?.() === 0) {
		const theirs = stateDirectory();
		chownSync(theirs, 65_534, 65_534);
		t.is(documentCache(theirs, 'build-1'), undefined);
	}
});
