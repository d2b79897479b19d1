import test from 'ava';
import {FormIndex} from '../../../source/domain/secrets/form-index.js';

const index = (...forms: string[]) => {
	const result = new FormIndex();
	for (const form of forms) result.add(form);
	return result;
};

test('every occurrence is replaced, the longest string winning where several start', t => {
	t.is(index('abcd', 'abcdef').replace('x abcdef abcdx abcd', '*'), 'x * *x *');
	t.is(index('aaaa').replace('aaaaaaaaa', '*'), '**a');
	t.is(index('bcde', 'abcd').replace('abcde', '*'), '*e', 'leftmost first, as a RegExp alternation');
});

test('a text without any of the strings is returned as it is', t => {
	const text = 'nothing to see';
	t.is(index('secret').replace(text, '*'), text);
	t.is(new FormIndex().replace(text, '*'), text);
});

test('ten thousand strings over a megabyte: one pass, not one per string', t => {
	const forms = Array.from({length: 10_000}, (_, n) => `token-${n}-value`);
	const text = `${'x'.repeat(1024 * 1024)} token-9999-value`;
	const start = performance.now();
	t.is(index(...forms).replace(text, '*').slice(-2), ' *');
	t.true(performance.now() - start < 5000);
});

test('strings that share a start, branch after one character or continue one another are all found', t => {
	const forms = ['ab', 'abc', 'abd', 'abcdef', 'b', 'bcd', 'xyz1', 'xyz2', 'xy', 'pqrs'];
	const text = 'ab abc abd abcde abcdef b bc bcd xy xyz xyz1 xyz2 xyz3 pqr pqrs a';
	const alternation = new RegExp([...forms].sort((a, b) => b.length - a.length).join('|'), 'g');
	t.is(index(...forms).replace(text, '*'), text.replaceAll(alternation, '*'));
	// In any order of adding.
	t.is(index(...[...forms].reverse()).replace(text, '*'), text.replaceAll(alternation, '*'));
});
