import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {Marked, type Token, type Tokens} from 'marked';
import {logicalLines} from '../../../source/domain/parse/classify-block.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import type {SetupDocument} from '../../../source/domain/types.js';
import {corpusDir, seedPath} from '../seed-paths.js';

/** Every code block of a document, however deep in lists. */
function codeBlocks(tokens: Token[]): Tokens.Code[] {
	return tokens.flatMap((token) => {
		if (token.type === 'code') return [token as Tokens.Code];
		if (token.type === 'list') return (token as Tokens.List).items.flatMap((item) => codeBlocks(item.tokens));
		return 'tokens' in token && Array.isArray(token.tokens) ? codeBlocks(token.tokens) : [];
	});
}

/** The `# cmd` / `$ cmd` lines of blocks that are shell (not config files whose comments start with `#`). */
function promptedCommands(markdown: string): string[] {
	const result: string[] = [];
	for (const block of codeBlocks(new Marked().lexer(markdown))) {
		const lines = logicalLines(block.text, 1).map((line) => line.text.trim());
		const prompted = lines.filter((line) => /^[#$]\s/.test(line));
		const rootComments = prompted.some((line) => line.startsWith('#')) && prompted.length < lines.length;
		if (rootComments) continue;
		result.push(...prompted.map((line) => line.replace(/^[#$]\s+/, '')));
	}

	return result;
}

/** True when some action or check of the document carries `command`. */
function found(document: SetupDocument, command: string): boolean {
	const bare = command.replace(/^sudo\s+(?=[^-\s])/, '');
	return document.runbooks.some((runbook) =>
		runbook.steps.some(
			(step) =>
				step.actions.some(
					(action) =>
						(action.kind === 'run' && action.command === bare) ||
						(action.kind === 'reboot' && /^(sudo\s+)?reboot$/.test(command)) ||
						(action.kind === 'edit' && action.edit.op === 'append-line' && command.includes(action.edit.line) && command.includes(`>> ${action.path}`)),
				) || step.checks.some((check) => check.kind === 'command' && check.command === command),
		),
	);
}

const files = [seedPath, ...readdirSync(corpusDir).filter((name) => name.endsWith('.md')).map((name) => path.join(corpusDir, name))];

for (const file of files) {
	test(`${path.basename(file)} parses and every # / $ command line is an action or check`, (t) => {
		const text = readFileSync(file, 'utf8');
		const document = parseDocument(text, file);
		t.true(document.runbooks.length > 0);
		t.true(document.runbooks.every((runbook) => runbook.steps.length > 0));
		const commands = promptedCommands(text);
		const missing = commands.filter((command) => !found(document, command));
		t.deepEqual(missing, []);
		const ids = document.runbooks.flatMap((runbook) => runbook.steps.map((step) => step.id));
		t.is(new Set(ids).size, ids.length, 'step ids are unique');
	});
}

test('chat@e6d2a66 (indented blocks, no prompts): its shell lines are root commands', (t) => {
	const document = parseDocument(readFileSync(path.join(corpusDir, 'chat@e6d2a66.md'), 'utf8'), 'chat.md');
	for (const command of [
		'apt update && sudo apt dist-upgrade -y',
		'find * -mindepth 1 -mtime +365 -delete',
		'tar xf riot-v1.3.0.tar.gz -C /var/www/chat.tomesh.net/public --strip-components 1',
		'systemctl stop matrix-synapse',
		'chown -R www-data:www-data /var/www/',
	]) {
		t.true(found(document, command), command);
	}
});

test('later prose edits: "adding `KEY: VALUE` in **FILE**" appends the line once', (t) => {
	const document = parseDocument(readFileSync(path.join(corpusDir, 'chat@2819b3b.md'), 'utf8'), 'chat.md');
	const step = document.runbooks[0]!.steps.find((candidate) => candidate.title.startsWith('Enable community group creation'))!;
	t.deepEqual(step.actions, [{kind: 'edit', path: 'homeserver.yaml', edit: {op: 'append-line', line: 'enable_group_creation: true'}, line: step.line}]);
	const guest = document.runbooks[0]!.steps.find((candidate) => candidate.title.startsWith('Enable guest access'))!;
	t.like(guest.actions[0], {kind: 'edit', edit: {op: 'set-yaml', key: ['allow_guest_access'], value: 'True'}});
});

test('the corpus non-shell blocks are never run by bash', (t) => {
	const document = parseDocument(readFileSync(path.join(corpusDir, 'chat@2819b3b.md'), 'utf8'), 'chat.md');
	const runs = document.runbooks.flatMap((runbook) => runbook.steps.flatMap((step) => step.actions)).filter((action) => action.kind === 'run');
	t.false(runs.some((action) => action.kind === 'run' && /event_forward_extremities|psycopg2|url_preview_ip_range_blacklist/.test(action.command)));
	const sql = document.runbooks.find((runbook) => runbook.title === 'Synapse Performance Bug')!.steps[3]!.actions[0]!;
	t.like(sql, {kind: 'manual', language: 'sql'});
});

test('a section without a list but with a command block (Create More RAM) is a one-step runbook', (t) => {
	const document = parseDocument(readFileSync(path.join(corpusDir, 'chat@2819b3b.md'), 'utf8'), 'chat.md');
	const ram = document.runbooks.find((runbook) => runbook.title === 'Create More RAM')!;
	t.is(ram.steps.length, 1);
	t.is(ram.steps[0]!.title, 'Create More RAM');
	t.deepEqual(
		ram.steps[0]!.actions.map((action) => action.kind),
		['run', 'run', 'run', 'run', 'edit'],
	);
});

test('wekan: file edits by hand keep their path; placeholders become parameters without a default', (t) => {
	const document = parseDocument(readFileSync(path.join(corpusDir, 'wekan@c8b41db.md'), 'utf8'), 'wekan.md');
	const rootUrl = document.runbooks[0]!.steps.find((step) => step.title.startsWith('In /etc/init.d/wekan'))!;
	t.like(rootUrl.actions[0], {kind: 'manual', path: '/etc/init.d/wekan'});
	const names = document.parameters.map((parameter) => parameter.name);
	t.true(names.includes('your_server_ip'));
	t.true(names.includes('wekan_process_no'));
	t.false(names.includes('root_url'), 'an assigned variable name is not a placeholder');
	t.is(document.parameters.find((parameter) => parameter.name === 'your_server_ip')!.type, 'ip');
	t.is(document.parameters.find((parameter) => parameter.name === 'your_server_ip')!.default, undefined);
});
