import test from 'ava';
import {createMasker, maskDeep, maskWith} from '../../../source/domain/secrets/masker.js';

test('every occurrence of a value is masked, the longest value first, other text byte for byte', t => {
	const mask = maskWith(['hunter2', 'hunter22x']);
	t.is(mask('a hunter22x b hunter2 c'), 'a ******** b ******** c');
	t.is(mask('nothing secret here'), 'nothing secret here');
});

test('values under 4 characters are not masked: they would hide half the text', t => {
	const masker = createMasker(['abc', 'root']);
	t.false(masker.has('abc'));
	t.is(masker.mask('abc is root'), 'abc is ********');
});

test('a value is masked in its JSON-escaped and shell-quoted forms too', t => {
	const mask = maskWith(['pa"ss\\wo\'rd']);
	t.is(mask(JSON.stringify({value: 'pa"ss\\wo\'rd'})), '{"value":"********"}');
	t.is(mask(String.raw`--password 'pa"ss\wo'\''rd'`), "--password '********'");
});

test('values learned later are masked from then on', t => {
	const masker = createMasker();
	t.is(masker.mask('token ExportedTok'), 'token ExportedTok');
	masker.add(['ExportedTok']);
	t.is(masker.mask('token ExportedTok'), 'token ********');
});

test('maskDeep masks every string of a value but ids, keys and numbers', t => {
	const mask = maskWith(['s3cret-value']);
	const masked = maskDeep({id: 'a.s3cret-value/1', runbook: 'rb', title: 'uses s3cret-value', n: 2, list: ['s3cret-value'], nested: {step: 'x/1', detail: 's3cret-value'}}, mask);
	t.deepEqual(masked, {id: 'a.s3cret-value/1', runbook: 'rb', title: 'uses ********', n: 2, list: ['********'], nested: {step: 'x/1', detail: '********'}});
});

test('a masker says when it knows no secret, so that its mask can be skipped', t => {
	const masker = createMasker();
	t.true(masker.empty());
	masker.add(['abc']);
	t.true(masker.empty());
	masker.add(['s3cret-value']);
	t.false(masker.empty());
	t.false(createMasker(['s3cret-value']).empty());
});
