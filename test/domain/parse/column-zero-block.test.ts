import {readFileSync} from 'node:fs';
import test from 'ava';
import {Lexer} from 'marked';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';

test('a code block at column 0 after a list item stays a block in the step\'s markdown (the seed\'s config.json)', t => {
	const document = parseDocument(readFileSync('runbooks/tomesh-chat.md', 'utf8'), 'tomesh-chat.md');
	const step = document.runbooks.flatMap(runbook => runbook.steps).find(candidate => candidate.markdown.includes('default_hs_url'))!;
	const tokens = new Lexer().lex(step.markdown);
	t.deepEqual(tokens.filter(token => token.type !== 'space').map(token => token.type), ['list', 'code']);
	t.regex(step.markdown, /looks like:\n\n```/);
});
