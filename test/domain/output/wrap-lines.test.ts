import test from 'ava';
import {diffGutter, withoutScriptPrefix, wrapLines} from '../../../source/domain/output/wrap-lines.js';

test('long lines wrap to the width, nothing cut; short ones stay', t => {
	t.deepEqual(wrapLines(['abc', 'abcdefghij'], 4), ['abc', 'abcd', 'efgh', 'ij']);
	for (const width of [4, 7, 20, 80]) {
		const line = 'x'.repeat(137);
		const rows = wrapLines([line], width);
		t.is(rows.join(''), line);
		t.true(rows.every(row => row.length <= width));
	}
});

test('a wrapped diff line keeps its +/- gutter on every row', t => {
	const rows = wrapLines(['+server_name: matrix.example.org;', '-old'], 12, diffGutter);
	t.true(rows.slice(0, 3).every(row => row.startsWith('+')), rows.join('|'));
	t.is(rows.at(-1), '-old');
	t.is(diffGutter('+++ b/file'), '');
	t.is(diffGutter('@@ -1 +1 @@'), '');
});

test('the internal script prefix bash puts before its errors is taken off', t => {
	t.is(withoutScriptPrefix('/tmp/tomesh-session-123-Ab9x/wrapper.sh: line 7: nosuchcmd: command not found'), 'nosuchcmd: command not found');
	t.is(withoutScriptPrefix('/tmp/tomesh-session-1-x/command.sh: line 1: foo: No such file'), 'foo: No such file');
	t.is(withoutScriptPrefix('E: Unable to locate package x'), 'E: Unable to locate package x');
});
