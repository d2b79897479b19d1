import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';

const commands = (markdown: string) =>
	parseDocument(markdown, 'doc.md').runbooks.map((runbook) => [
		runbook.id,
		runbook.steps.map((step) => step.actions.map((action) => (action.kind === 'run' ? `${action.as === 'root' ? '#' : '$'} ${action.command}` : action.kind))),
	]);

test('a document without ### makes each ## a runbook; setext headings and 1) lists work', (t) => {
	const markdown = ['Server', '======', '', 'Base', '----', '', '1) Update `apt-get update`.', '2) Upgrade:', '', '   ~~~bash', '   apt-get -y upgrade', '   ~~~', '', '## Firewall', '', '1. Allow ssh `ufw allow ssh`.'].join('\n');
	t.deepEqual(commands(markdown), [
		['base', [['# apt-get update'], ['# apt-get -y upgrade']]],
		['firewall', [['# ufw allow ssh']]],
	]);
	t.is(parseDocument(markdown, 'doc.md').title, 'Server');
});

test('indented (unfenced) code blocks, notes, nested lists', (t) => {
	const markdown = [
		'# T',
		'',
		'## P',
		'',
		'1. Update:',
		'',
		'       sudo apt update && sudo apt dist-upgrade -y',
		'',
		'1. **Note:** run `synctl stop` first if it is running.',
		'',
		'1. Prepare:',
		'    1. Make the directory `mkdir -p /srv/x`.',
		'    1. Own it with `chown www-data /srv/x`.',
	].join('\n');
	const document = parseDocument(markdown, 'doc.md');
	const [update, note, prepare] = document.runbooks[0]!.steps;
	t.like(update!.actions[0], {kind: 'run', command: 'apt update && sudo apt dist-upgrade -y', line: 7});
	t.deepEqual(note!.actions, [{kind: 'manual', text: 'Note: run synctl stop first if it is running.', line: 9}]);
	t.deepEqual(note!.notes, ['Note: run synctl stop first if it is running.']);
	t.deepEqual(
		prepare!.actions.map((action) => (action.kind === 'run' ? action.command : action.kind)),
		['mkdir -p /srv/x', 'chown www-data /srv/x'],
	);
	t.is(document.runbooks[0]!.steps.length, 3, 'nested items belong to their step');
});

test('a column-0 block ends the list but belongs to the step before it; numbering continues', (t) => {
	const markdown = ['# T', '', '### P', '', '1. Create **/etc/a.conf**:', '', '```', 'a = 1', '```', '', '1. Reload `systemctl reload a`.'].join('\n');
	const [runbook] = parseDocument(markdown, 'doc.md').runbooks;
	t.deepEqual(runbook!.steps.map((step) => [step.number, step.id, step.actions[0]?.kind]), [
		[1, 'p/1', 'write'],
		[2, 'p/2', 'run'],
	]);
	t.like(runbook!.steps[0]!.actions[0], {path: '/etc/a.conf', content: 'a = 1\n', line: 8});
	t.regex(runbook!.steps[0]!.markdown, /a = 1/);
});

test('"… go in one file, **/PATH**:" is a file to write; "Add this to **/PATH**:" never replaces the file', (t) => {
	const markdown = (intro: string) => ['# Doc', '', '## A', '', '### B', '', `1. ${intro}`, '', '\t```', '\tserver {', '\t\tlisten 443 ssl;', '\t}', '\t```'].join('\n');
	const actions = (intro: string) => parseDocument(markdown(intro), 'doc.md').runbooks[0]!.steps[0]!.actions;
	for (const intro of ['All three HTTPS servers go in one file, **/etc/nginx/sites-available/matrix**:', 'Put this in **/etc/nginx/conf.d/x.conf**:']) {
		t.like(actions(intro)[0], {kind: 'write', content: 'server {\n    listen 443 ssl;\n}\n'}, intro);
	}

	for (const intro of ['Add this to **/etc/nginx/nginx.conf**:', 'Put these lines in **/etc/nginx/nginx.conf** after the http block:', 'Change the server in **/etc/x.conf**:']) {
		t.not(actions(intro)[0]?.kind, 'write', intro);
	}
});
