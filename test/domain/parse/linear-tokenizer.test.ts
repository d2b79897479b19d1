import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {getDefaults, Lexer, Tokenizer, type Tokens} from 'marked';
import {LinearTokenizer, listItemRegex} from '../../../source/domain/parse/linear-tokenizer.js';

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

// Lists of every bullet, nested, loose, one after another, and next to rules, fences, headings, HTML and quotes: the
// list-item RegExps are shared between lists of one bullet.
const lists = [
	'* a\n* b\n\n- c\n- d\n\n+ e\n+ f\n',
	'1. a\n2. b\n\n1) c\n2) d\n\n7. e\n',
	'1. a\n   - b\n     * c\n       1) d\n   - e\n2. f\n',
	'- a\n\n- b\n\n  more of b\n- c\n',
	'1. a\n***\n1. b\n---\n- c\n___\n',
	'1. a\n```\ncode\n```\n1. b\n    indented\n1. c\n',
	'- a\n# heading\n- b\n<div>\nhtml\n</div>\n- c\n> quote\n- d\n',
	'1. a\n   ~~~\n   fenced in item\n   ~~~\n2. b\n   # heading in item\n3. c\n',
	' 1. a\n  2. b\n   3. c\n',
	'- [ ] task\n- [x] done\n',
	'1. one\n\n\n\n2. two after blank lines\n',
];

test('the tokens are marked\'s own on lists of every bullet, nested and next to rules, fences, headings and HTML', t => {
	for (const snippet of lists) t.deepEqual(linear(snippet), marked(snippet), JSON.stringify(snippet));
	const all = lists.join('\n\n');
	t.deepEqual(linear(all), marked(all));
});

test('the RegExp of a list\'s items is built once per bullet, as marked builds it, and keeps no state', t => {
	const plain = new Tokenizer();
	// A lexer gives its tokenizer marked's rules.
	new Lexer({...getDefaults(), tokenizer: plain});
	const marks = plain.rules.other;
	const built: string[] = [];
	const build = (bullet: string) => {
		built.push(bullet);
		return marks.listItemRegex(bullet);
	};

	const bullet = String.raw`\d{1,9}\%`;
	const first = listItemRegex(bullet, build);
	t.is(listItemRegex(bullet, build), first);
	t.deepEqual(built, [bullet]);
	t.is(first.source, marks.listItemRegex(bullet).source);
	t.false(first.global || first.sticky);

	// The tokenizer hands marked the shared RegExps once it has read a list.
	const tokenizer = new LinearTokenizer();
	const text = '* a\n\n# h\n\n* b\n\n# i\n\n1. c\n';
	t.deepEqual(linear(text, tokenizer), marked(text));
	t.is(tokenizer.rules.other.listItemRegex(String.raw`\*`), tokenizer.rules.other.listItemRegex(String.raw`\*`));
	t.not(marks.listItemRegex(String.raw`\*`), marks.listItemRegex(String.raw`\*`));
});
