// What the build (scripts/build.js) changes in the bundled dependencies, checked on the dist/ that `npm test` built.
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import {repoRoot} from '../domain/seed-paths.js';

const run = promisify(execFile);
const chunks = path.join(repoRoot, 'dist/chunks');

test('the TUI\'s layout engine loads without calling fetch (which would load Node\'s HTTP client before the first frame)', async (t) => {
	if (!existsSync(chunks)) return t.fail('needs a built CLI (npm run build)');
	const yoga = readdirSync(chunks).find((name) => readFileSync(path.join(chunks, name), 'utf8').includes('yoga-wasm-base64-esm.js'));
	if (!yoga) return t.fail('no chunk holds yoga-layout');
	// A fetch that only counts its calls (and fails, so yoga falls back to decoding the bytes itself).
	const script = `let calls = 0; globalThis.fetch = async () => { calls++; throw new Error('no fetch here'); };
await import(${JSON.stringify(pathToFileURL(path.join(chunks, yoga)).href)});
process.stdout.write(String(calls));`;
	const {stdout} = await run(process.execPath, ['--input-type=module', '-e', script], {cwd: repoRoot});
	t.is(stdout, '0');
});

test('Ink\'s text measure does not build the RGI emoji regex when it loads (the bundle builds it on the first emoji)', (t) => {
	if (!existsSync(chunks)) return t.fail('needs a built CLI (npm run build)');
	const texts = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8'));
	const measure = texts.find((text) => text.includes('node_modules/string-width/index.js'));
	if (!measure) return t.fail('no chunk holds string-width');
	t.false(measure.includes(String.raw`/^\p{RGI_Emoji}$/v`), 'string-width\'s own regex, built at load, is left out');
	t.true(measure.includes('source/ui/lazy-emoji-regex.ts'), 'the lazy stand-in is in its place');
});

test('Ink turns its frames into text with our styledCharsToString, not ansi-tokenize\'s, which allocates per character', (t) => {
	if (!existsSync(chunks)) return t.fail('needs a built CLI (npm run build)');
	const texts = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8'));
	const output = texts.find((text) => text.includes('node_modules/@alcalzone/ansi-tokenize/build/styledChars.js'));
	if (!output) return t.fail('no chunk holds ansi-tokenize');
	t.true(output.includes('// source/ui/styled-chars-to-string.ts'), 'our version is bundled beside it');
	t.false(output.includes('ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'), 'the library\'s loop is left out');
});

test('commands run through zx\'s core: the helpers zx bundles (globby, fs-extra, yaml…) are not in the bundle', (t) => {
	if (!existsSync(chunks)) return t.fail('needs a built CLI (npm run build)');
	const texts = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8'));
	t.true(texts.some((text) => text.includes('node_modules/zx/build/vendor-core.cjs')), 'zx\'s core is bundled');
	t.false(texts.some((text) => text.includes('node_modules/zx/build/vendor-extra.cjs')), 'its extra helpers are not');
});

test('the walkthrough loads neither the document parser (marked) nor the yaml library before its first frame: a cache miss imports the one, a file change the other', (t) => {
	if (!existsSync(chunks)) return t.fail('needs a built CLI (npm run build)');
	const text = (name: string) => readFileSync(path.join(chunks, name), 'utf8');
	const run = readdirSync(chunks).find((name) => text(name).includes('// source/commands/run.ts'));
	if (!run) return t.fail('no chunk holds the run command');
	// Every chunk the run command's chunk loads by static imports, as Node links them before any of it runs.
	const loaded = new Set([run]);
	for (const name of loaded) {
		for (const match of text(name).matchAll(/^(?:import|export)\b[^;]*?["']\.\/([^"']+)["']/gms)) loaded.add(match[1]!);
	}

	t.true(loaded.size > 3, 'the static imports were followed');
	for (const library of ['marked', 'yaml']) {
		t.deepEqual([...loaded].filter((name) => text(name).includes(`node_modules/${library}/`)), [], `${library} is not loaded with the run command`);
		t.true(readdirSync(chunks).some((name) => text(name).includes(`node_modules/${library}/`)), `${library} is still in the bundle`);
	}
});
