import test from 'ava';
import {lineShows} from '../../../source/engine/checks/expected-output.js';

test('spacing does not matter', t => {
	t.true(lineShows('notes\t1.4.2', 'notes    1.4.2'));
	t.true(lineShows('  v6.4.0', 'v6.4.0'));
});

test("dig's answer shows the seed's SRV transcript line: a TTL column and a zone-relative name", t => {
	const answer = '_matrix._tcp.tomesh.net. 3600\tIN\tSRV\t10 0 8448 matrix.tomesh.net.';
	t.true(lineShows(answer, '_matrix._tcp    IN      SRV     10 0 8448 matrix.tomesh.net.'));
	t.false(lineShows(answer, '_matrix._tcp    IN      SRV     10 0 8008 matrix.tomesh.net.'), 'another port');
	t.false(lineShows(answer, '_matrix._tcp    IN      SRV     10 0 8448 chat.tomesh.net.'), 'another target');
	t.false(lineShows(';_matrix._tcp.tomesh.net.\tIN\tSRV', '_matrix._tcp    IN      SRV     10 0 8448 matrix.tomesh.net.'), 'the question is not the answer');
});

test('a version is not shown by another version', t => {
	t.false(lineShows('v20.1.0', 'v6.4.0'));
	t.false(lineShows('3.10.30', '3.10.3'), 'the same digits plus one more are another version');
});

test('an expected line that is a fragment of compact JSON shows inside it', t => {
	t.true(lineShows('{"versions":["r0.0.1","v1.11"],"unstable_features":{}}', '"versions":'));
	t.true(lineShows('{"access_token":"syt_x","user_id":"@admin:example.org"}', '"user_id": "@admin:example.org"'));
	t.false(lineShows('{"errcode":"M_FORBIDDEN"}', '"access_token":'));
});
