import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {getDefaults, Lexer, type Token} from 'marked';
import {LinearTokenizer} from '../../../source/domain/parse/linear-tokenizer.js';
import {TokenStream} from '../../../source/domain/parse/token-stream.js';

function documents(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? documents(path.join(directory, entry.name)) : entry.name.endsWith('.md') ? [path.join(directory, entry.name)] : [],
	);
}

const lexer = () => new Lexer({...getDefaults(), tokenizer: new LinearTokenizer()});

function streamed(text: string): {tokens: Token[]; held: number} {
	const tokens: Token[] = [];
	const each = lexer();
	// A copy as the token is when handed over: marked must not change it afterwards.
	const stream = new TokenStream(token => tokens.push(structuredClone(token)), each);
	let held = 0;
	const push = stream.push.bind(stream);
	stream.push = (...items: Token[]) => {
		const length = push(...items);
		held = Math.max(held, length, each.inlineQueue.length);
		return length;
	};

	each.blockTokens(text, stream);
	stream.end();
	return {tokens, held};
}

// Blocks that marked appends to the token before them: blank lines, a paragraph's lazy lines, indented code and link
// definitions after a paragraph, text after text in a list item.
const snippets = [
	'para\n\n\n# h\n\n## g\n',
	'para\n    indented code glued\n[x]: http://example.org\nmore\n',
	'1. a\n\n   b\n\n# h\npara\n===\n',
	'> quote\nlazy\n\n- a\nb\n',
	'```\n# not a heading\n```\n# heading\n',
	'<div>\n# in html\n</div>\n\n# after\n',
	'',
	'no newline at the end',
];

test('the tokens come out one by one as marked makes them, whole, on every document and on blocks marked appends to', t => {
	const files = [...documents('test/fixtures'), ...documents('runbooks')];
	for (const text of [...files.map(file => readFileSync(file, 'utf8')), ...snippets]) {
		const {tokens, held} = streamed(text);
		t.deepEqual(tokens, lexer().blockTokens(text, []));
		t.true(held <= 8, `${held} tokens or inline texts held`);
	}
});

test('a document of many sections never holds more than the last token', t => {
	const text = Array.from({length: 2000}, (_, n) => `## Part ${n}\n\nSome text ${n}\nand more.\n\n1. Run \`echo ${n}\`\n`).join('\n');
	const {tokens, held} = streamed(text);
	t.is(tokens.length, lexer().blockTokens(text, []).length);
	t.true(held <= 8);
});
