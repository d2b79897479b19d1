import {readFileSync} from 'node:fs';
import test from 'ava';
import {scanAnnotations, stripAnnotations} from '../../../source/domain/parse/strip-annotations.js';
import {InputError} from '../../../source/domain/types.js';
import {seedPath, shippedPath} from '../seed-paths.js';

test('the shipped runbook without its annotations is the seed, byte for byte', (t) => {
	const shipped = readFileSync(shippedPath, 'utf8');
	t.not(shipped, readFileSync(seedPath, 'utf8'), 'the shipped runbook has annotations');
	t.is(stripAnnotations(shipped), readFileSync(seedPath, 'utf8'));
});

test('scanning keeps a map from the stripped lines to the original ones, and reads multi-line bodies', (t) => {
	const text = 'a\n\t<!-- tomesh-setup: run\n\t# one\n\t$ two \\\n\t  more\n\t-->\nb\n<!-- tomesh-setup: manual -->\n';
	const scanned = scanAnnotations(text, 'doc.md');
	t.is(scanned.stripped, 'a\nb\n');
	t.deepEqual(scanned.lineMap, [1, 7, 9]);
	t.deepEqual(scanned.annotations, [
		{directive: 'run', args: '', body: ['# one', '$ two \\', '  more'], line: 2},
		{directive: 'manual', args: '', body: [], line: 8},
	]);
});

test('an unclosed annotation or one without a colon names file:line', (t) => {
	t.throws(() => scanAnnotations('x\n<!-- tomesh-setup: run\n# a\n', 'doc.md'), {instanceOf: InputError, message: "doc.md:2: annotation is not closed with '-->'"});
	t.throws(() => scanAnnotations('<!-- tomesh-setup run -->', 'doc.md'), {instanceOf: InputError, message: /^doc\.md:1: /});
});

test('other HTML comments are left alone', (t) => {
	const text = '<!-- a comment -->\n1. step\n';
	t.is(stripAnnotations(text), text);
});

test('a text without any comment is kept as it is, each line mapped to itself, as the line-by-line scan gives it', (t) => {
	for (const text of ['', 'a', 'a\n', '\n\nb\r\n\n', '1. step\n\n\t```\n\t# x\n\t```\n']) {
		const scanned = scanAnnotations(text, 'doc.md');
		const lines = text.split('\n');
		t.is(scanned.stripped, text);
		t.deepEqual(scanned.lineMap, lines.map((_, index) => index + 1));
		t.deepEqual(scanned.annotations, []);
		// The same as a scan that finds a comment which is no annotation and keeps it.
		const withComment = scanAnnotations(`${text}<!-- x -->`, 'doc.md');
		t.deepEqual(withComment.lineMap, scanned.lineMap);
	}
});
