import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {withoutTrailingCommand} from '../../../source/domain/parse/plain-text.js';

test('a step title does not run on into the command that ends its sentence', t => {
	t.is(withoutTrailingCommand('Reload nginx `service nginx reload`.'), 'Reload nginx.');
	t.is(withoutTrailingCommand('Start the server with `synctl start`.'), 'Start the server with `synctl start`.');
	t.is(withoutTrailingCommand('Run `chmod 755 /var/www` to ensure we have the right permissions.'), 'Run `chmod 755 /var/www` to ensure we have the right permissions.');
	const document = parseDocument(readFileSync('runbooks/tomesh-chat.md', 'utf8'), 'tomesh-chat.md');
	const titles = document.runbooks.flatMap(runbook => runbook.steps.map(step => step.title));
	t.true(titles.includes('Reload nginx'));
	t.false(titles.some(title => title.endsWith('service nginx reload')));
});
