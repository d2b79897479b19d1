// The repository carries its own test material: a clone with nothing beside it builds and passes its tests.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {documentsDir, repoRoot} from '../domain/seed-paths.js';

/** Every file under `directory`, relative to the repository root. */
function filesUnder(directory: string): string[] {
	const absolute = path.join(repoRoot, directory);
	return readdirSync(absolute, {recursive: true, encoding: 'utf8'})
		.map((name) => path.join(directory, name))
		.filter((file) => statSync(path.join(repoRoot, file)).isFile());
}

test('no source, test, script, bench or CI file reads documents from outside the repository', (t) => {
	// Spelled as a pattern so this file does not match itself.
	const outside = /\.\.\/shared\b/;
	const files = [...['source', 'test', 'scripts', 'bench', '.ci'].flatMap(filesUnder), 'package.json', 'README.md'];
	t.true(files.length > 100);
	const offenders = files.filter((file) => outside.test(readFileSync(path.join(repoRoot, file), 'utf8')));
	t.deepEqual(offenders, []);
});

test('SOURCES.tsv names the origin of exactly the documents kept under test/fixtures/documents', (t) => {
	const [header, ...rows] = readFileSync(path.join(documentsDir, 'SOURCES.tsv'), 'utf8').trimEnd().split('\n').map((line) => line.split('\t'));
	t.deepEqual(header, ['file', 'repo', 'path', 'commit', 'date', 'license']);
	for (const row of rows) {
		t.is(row.length, 6, row.join(' | '));
		// A document written for the suite (a current document in another hand) has no upstream commit.
		t.regex(row[3]!, row[1] === '(written for this test suite)' ? /^-$/ : /^[\da-f]{7,40}$/, `${row[0]}: commit`);
		t.regex(row[4]!, /^\d{4}-\d{2}-\d{2}$/, `${row[0]}: date`);
	}

	const documents = filesUnder('test/fixtures/documents').filter((file) => file.endsWith('.md')).map((file) => path.relative(documentsDir, path.join(repoRoot, file)));
	t.deepEqual(rows.map((row) => row[0]).sort(), documents.sort());
});
