import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {InputError} from '../../../source/domain/types.js';

const doc = (annotation: string) => `# T\n\n## Part\n\n1. Do it with \`synctl start\`.\n\n\t${annotation}\n`;
const parse = (annotation: string) => parseDocument(doc(annotation), 'doc.md');

test('each directive lands on the step it sits in', (t) => {
	const text = [
		'# T',
		'<!-- tomesh-setup: param host example.org type=domain prompt="Host name" -->',
		'',
		'## Part',
		'',
		'1. Link it:',
		'',
		'\t```',
		'\tln -s /a /b',
		'\t```',
		'\t<!-- tomesh-setup: unless test -L /b -->',
		'\t<!-- tomesh-setup: cwd /srv -->',
		'\t<!-- tomesh-setup: check-http http://127.0.0.1:8008/x status=200 contains=ok -->',
		'\t<!-- tomesh-setup: check-port 127.0.0.1:8008 -->',
		'\t<!-- tomesh-setup: check-file /etc/x contains=a contains="b c" -->',
		'\t<!-- tomesh-setup: check-output $ node -v',
		'\tv20',
		'\t-->',
		'\t<!-- tomesh-setup: edit /etc/y',
		'\top: set-yaml',
		'\tkey: a:b',
		"\tvalue: '1'",
		'\t-->',
		'',
		'1. Nothing runnable here for example.org.',
		'\t<!-- tomesh-setup: ignore -->',
		'',
	].join('\n');
	const document = parseDocument(text, 'doc.md');
	t.deepEqual(document.parameters, [{name: 'host', literal: 'example.org', type: 'domain', default: 'example.org', prompt: 'Host name', line: 2}]);
	const [first, second] = document.runbooks[0]!.steps;
	t.is(first!.cwd, '/srv');
	t.deepEqual(first!.actions, [
		{kind: 'run', as: 'root', command: 'ln -s /a /b', line: 9, unless: 'test -L /b'},
		{kind: 'edit', path: '/etc/y', edit: {op: 'set-yaml', key: ['a', 'b'], value: '1'}, line: 19},
	]);
	t.deepEqual(first!.checks, [
		{kind: 'http', url: 'http://127.0.0.1:8008/x', status: 200, contains: 'ok', line: 13},
		{kind: 'port', host: '127.0.0.1', port: 8008, line: 14},
		{kind: 'file', path: '/etc/x', contains: ['a', 'b c'], line: 15},
		{kind: 'command', as: 'user', command: 'node -v', expect: ['v20'], line: 16},
	]);
	t.deepEqual(second!.actions, [], 'ignore: no actions, not even a manual one');
});

test('manual turns a runnable step into one done by hand', (t) => {
	const step = parse('<!-- tomesh-setup: manual -->').runbooks[0]!.steps[0]!;
	t.deepEqual(step.actions, [{kind: 'manual', text: 'Do it with synctl start.', line: 5}]);
});

test('settle gives the checks after the step longer to pass', (t) => {
	t.is(parse('<!-- tomesh-setup: settle 60 -->').runbooks[0]!.steps[0]!.settleSeconds, 60);
	t.false('settleSeconds' in parse('<!-- tomesh-setup: manual -->').runbooks[0]!.steps[0]!);
});

test('run adds commands the prose cannot say', (t) => {
	const step = parse('<!-- tomesh-setup: run\n\t# mkdir -p /x\n\t$ tar xf a.tgz -C /x\n\t-->').runbooks[0]!.steps[0]!;
	t.deepEqual(
		step.actions.map((action) => (action.kind === 'run' ? [action.as, action.command] : [])),
		[
			['root', 'synctl start'],
			['root', 'mkdir -p /x'],
			['user', 'tar xf a.tgz -C /x'],
		],
	);
});

const bad: Array<[string, RegExp]> = [
	['<!-- tomesh-setup: frobnicate -->', /^doc\.md:7: unknown annotation 'frobnicate'/],
	['<!-- tomesh-setup: param -->', /^doc\.md:7: param needs a NAME/],
	['<!-- tomesh-setup: param x y type=colour -->', /^doc\.md:7: unknown parameter type 'colour'/],
	['<!-- tomesh-setup: check-http ftp://x -->', /^doc\.md:7: check-http needs one http\(s\) URL/],
	['<!-- tomesh-setup: check-http http://x status=abc -->', /^doc\.md:7: bad status 'abc'/],
	['<!-- tomesh-setup: check-port localhost -->', /^doc\.md:7: check-port needs HOST:PORT/],
	['<!-- tomesh-setup: cwd -->', /^doc\.md:7: cwd needs one directory/],
	['<!-- tomesh-setup: settle -->', /^doc\.md:7: settle needs a number of seconds/],
	['<!-- tomesh-setup: settle soon -->', /^doc\.md:7: settle needs a number of seconds/],
	['<!-- tomesh-setup: manual please -->', /^doc\.md:7: 'manual' takes no arguments/],
	['<!-- tomesh-setup: run -->', /^doc\.md:7: expected one or more command lines/],
	['<!-- tomesh-setup: edit /x\n\top: explode\n\t-->', /^doc\.md:7: unknown edit op 'explode'/],
	['<!-- tomesh-setup: edit /x\n\top: set-yaml\n\t-->', /^doc\.md:7: set-yaml needs key and value/],
	['<!-- tomesh-setup: check-output synctl status -->', /^doc\.md:7: check-output needs expected output lines/],
];

for (const [annotation, message] of bad) {
	test(`rejected with file:line: ${annotation.replaceAll('\n', ' ')}`, (t) => {
		t.throws(() => parse(annotation), {instanceOf: InputError, message});
	});
}

test('a step annotation outside any step is rejected', (t) => {
	t.throws(() => parseDocument('# T\n<!-- tomesh-setup: check true -->\n\n## P\n\n1. x\n', 'doc.md'), {
		instanceOf: InputError,
		message: "doc.md:2: 'check' annotation must be inside a numbered step",
	});
});

test('unless without a run action in its step is rejected', (t) => {
	t.throws(() => parseDocument('# T\n\n## P\n\n1. Nothing.\n\t<!-- tomesh-setup: unless test -e /x -->\n', 'doc.md'), {instanceOf: InputError, message: /^doc\.md:6: 'unless' has no run action/});
});

test('a document without steps is rejected', (t) => {
	t.throws(() => parseDocument('# Title\n\nJust prose.\n', 'empty.md'), {instanceOf: InputError, message: /^empty\.md:1: no steps found/});
});

test('a param whose literal the document never uses, or declared twice, is rejected', (t) => {
	t.throws(() => parse('<!-- tomesh-setup: param host nowhere.example -->'), {instanceOf: InputError, message: "doc.md:7: param host: 'nowhere.example' does not occur in the document"});
	t.throws(() => parseDocument('# T\n<!-- tomesh-setup: param a synctl -->\n<!-- tomesh-setup: param A start -->\n\n## P\n\n1. `synctl start`\n', 'doc.md'), {
		instanceOf: InputError,
		message: "doc.md:3: parameter 'A' is declared twice",
	});
});
