import {mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {FileChangeError} from '../../source/domain/edit/file-change.js';
import {planReader, readLiveText} from '../../source/engine/read-live.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test('the plan reader answers as readLiveText does, listing each directory once', t => {
	const root = temporaryDirectory('tomesh-plan-reader-');
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	writeFileSync(path.join(root, 'a.conf'), 'old\n');
	mkdirSync(path.join(root, 'sub'));
	symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
	const read = planReader();
	for (const name of ['a.conf', 'missing.conf', 'dangling', 'no/dir/f', 'a.conf/x', 'sub/', '.']) {
		const file = path.join(root, name) + (name.endsWith('/') ? '/' : '');
		const expected = (() => {
			try {
				return readLiveText(file);
			} catch (error) {
				return error instanceof FileChangeError ? 'error' : 'other';
			}
		})();
		const got = (() => {
			try {
				return read(file);
			} catch (error) {
				return error instanceof FileChangeError ? 'error' : 'other';
			}
		})();
		t.is(got, expected, name);
	}

	t.is(read(path.join(root, 'a.conf')), 'old\n');
});
