import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {getDefaults, Lexer, type Tokens} from 'marked';
import {LinearTokenizer} from '../../../source/domain/parse/linear-tokenizer.js';

const marked = (text: string) => new Lexer().blockTokens(text, []);
const linear = (text: string, tokenizer = new LinearTokenizer()) => new Lexer({...getDefaults(), tokenizer}).blockTokens(text, []);

function documents(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? documents(path.join(directory, entry.name)) : entry.name.endsWith('.md') ? [path.join(directory, entry.name)] : [],
	);
}

test('the tokens are marked\'s own on every document of the repository', t => {
	const files = [...documents('test/fixtures'), ...documents('runbooks')];
	t.true(files.length > 30);
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		t.deepEqual(linear(text), marked(text), file);
	}
});

// Paragraphs in list items and quotes next to everything that can end or turn them: setext underlines, tables, link
// definitions, lists, code, HTML, emphasis and digits at the start of a line.
const snippets = [
	'1. Title\n   spread over\n   ===\n',
	'1. Title\n   spread over\n   ---\n   more\n',
	'> a\n> b\n> ===\n',
	'- a\n  b\n  - c\n  d\n',
	'1. a | b\n   --|--\n   1 | 2\n',
	'1. see [x]\n   [x]: http://example.org\n   after\n',
	'1. words\n   *em* at the start\n   12 apples\n   ===\n',
	'1. words\n       code-looking\n   more\n',
	'1. words\n   <div>\n   x\n',
	'1. words\n\n   new paragraph\n   ---\n',
	'- a\n  b\n  ```\n  code\n  ```\n  c\n',
	'1. a\nlazy continuation\n===\n',
];

test('the tokens are marked\'s own where a paragraph in a list item meets each block that can end or turn it', t => {
	for (const snippet of snippets) t.deepEqual(linear(snippet), marked(snippet), JSON.stringify(snippet));
});

test('a paragraph of a list item is read as one text and the setext rule is tried once: no longer once per line', t => {
	const counts = {text: 0, lheading: 0};
	class Counting extends LinearTokenizer {
		override text(src: string): Tokens.Text | undefined {
			counts.text++;
			return super.text(src);
		}

		override lheading(src: string): Tokens.Heading | undefined {
			counts.lheading++;
			return super.lheading(src);
		}
	}

	for (const lines of [400, 1600]) {
		counts.text = 0;
		counts.lheading = 0;
		const item = `1. Step\n${Array.from({length: lines}, (_, index) => `   line ${index} of a long step`).join('\n')}\n`;
		t.deepEqual(linear(item, new Counting()), marked(item));
		t.true(counts.text <= 2, `${lines} lines: ${counts.text} text tokens`);
		t.true(counts.lheading <= 3, `${lines} lines: ${counts.lheading} setext tries`);
	}
});
