// set-yaml writes the new value the way the file wrote the old one: double-quoted, single-quoted or plain.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {parse} from 'yaml';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {applyEdit} from '../../../source/domain/edit/file-change.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const fixture = readFileSync(fileURLToPath(new URL('../../fixtures/yaml-quoting/homeserver.yaml', import.meta.url)), 'utf8');
const set = (text: string, key: string[], value: string) => applyEdit(text, {op: 'set-yaml', key, value}, 'homeserver.yaml');
// The line that holds the key's value (`database:` alone is its parent mapping).
const lineOf = (text: string, name: string) => text.split('\n').find(line => line.trimStart().startsWith(`${name}: `))?.trim();

const cases: Array<{key: string[]; value: string; line: string; parsed: unknown}> = [
	{key: ['server_name'], value: 'chat.example.net', line: 'server_name: "chat.example.net"', parsed: 'chat.example.net'},
	{key: ['server_name'], value: 'say "hi" \\ there', line: String.raw`server_name: "say \"hi\" \\ there"`, parsed: 'say "hi" \\ there'},
	{key: ['public_baseurl'], value: 'https://chat.example.net/', line: "public_baseurl: 'https://chat.example.net/'", parsed: 'https://chat.example.net/'},
	{key: ['public_baseurl'], value: "it's", line: "public_baseurl: 'it''s'", parsed: "it's"},
	{key: ['enable_registration'], value: 'true', line: 'enable_registration: true', parsed: true},
	{key: ['report_stats'], value: 'True', line: 'report_stats: True  # plain, with a comment after it', parsed: true},
	{key: ['database', 'args', 'database'], value: '/srv/synapse.db', line: 'database: "/srv/synapse.db"', parsed: '/srv/synapse.db'},
	// The document quotes the value itself: taken as written, whatever the file had.
	{key: ['enable_registration'], value: "'yes'", line: "enable_registration: 'yes'", parsed: 'yes'},
];

for (const {key, value, line, parsed} of cases) {
	test(`set-yaml ${key.join(':')} to ${value} keeps the file's quoting: ${line}`, t => {
		const changed = set(fixture, key, value);
		t.is(lineOf(changed, key.at(-1)!), line);
		let node: unknown = parse(changed);
		for (const name of key) node = (node as Record<string, unknown>)[name];
		t.deepEqual(node, parsed);
		t.is(set(changed, key, value), changed, 'a second run changes nothing');
		const others = (text: string) => text.split('\n').filter(other => !other.trimStart().startsWith(`${key.at(-1)}: `));
		t.deepEqual(others(changed), others(fixture), 'every other line is kept');
	});
}
