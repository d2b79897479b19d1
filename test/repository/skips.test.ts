// A test skipped by hand would pass CI silently; tests that need something of the machine go through testNeeding,
// which names the reason and fails under TOMESH_SETUP_TEST_STRICT=1.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {repoRoot} from '../domain/seed-paths.js';

test('no test file skips a test by hand (test.skip) or passes early for want of root', (t) => {
	const testDir = path.join(repoRoot, 'test');
	const files = readdirSync(testDir, {recursive: true, encoding: 'utf8'}).filter((file) => /\.test\.tsx?$/.test(file));
	t.true(files.length > 50);
	const handSkips = files.filter((file) => /\btest(\.serial)?\.skip\(|getuid\?\.\(\) !== 0\) return/.test(readFileSync(path.join(testDir, file), 'utf8')));
	t.deepEqual(handSkips, []);
});
