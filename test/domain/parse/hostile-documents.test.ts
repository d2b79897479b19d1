import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {InputError} from '../../../source/domain/types.js';

const head = '# T\n\n## Part\n\n### Steps\n\n1. Run `true`\n\n';

test('deeply nested block quotes or lists: InputError naming file:line, not a stack overflow', (t) => {
	for (const body of ['>'.repeat(5000) + ' x', Array.from({length: 3000}, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), '> - '.repeat(2000)]) {
		const error = t.throws(() => parseDocument(head + body, 'deep.md'), {instanceOf: InputError});
		t.regex(error!.message, /^deep\.md:\d+: nested more than 64 levels/);
	}
});

test('runs of ! in a paragraph are read as text (no inline lexing)', (t) => {
	const document = parseDocument(`${head}${'!'.repeat(200_000)}\n`, 'bang.md');
	t.is(document.runbooks[0]!.steps.length, 1);
});

test('a paragraph of ten megabytes without a blank line: InputError at its first line, not a stack overflow', (t) => {
	const error = t.throws(() => parseDocument(`${head}text\n\n${'!'.repeat(10 * 1024 * 1024)}\n`, 'bang.md'), {instanceOf: InputError});
	t.regex(error!.message, /^bang\.md:11: a paragraph of 10\.0 MB without a blank line/);
});

// A small fuzzer: documents stitched from markdown fragments; every one parses or is refused with InputError.
// TOMESH_SETUP_FUZZ_COUNT runs more of them (10000 for a long run).
test('fuzzed documents never crash the parser', (t) => {
	const fragments = ['# T\n', '## A\n', '### B\n', '1. ', '- ', '> ', '\t', '    ', '```\n', '`x`', '# cmd\n', '$ cmd\n', '<!-- tomesh-setup: check file /x -->\n', '<!-- tomesh-setup: param d x.org type=domain -->\n', '<!--', '-->', '**/etc/x**:\n', '!', '![', '](', '\\', '\n', '\n\n', 'text ', 'x.org ', '|a|b|\n|-|-|\n'];
	let seed = 42;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	let crashes = 0;
	for (let index = 0; index < (Number(process.env.TOMESH_SETUP_FUZZ_COUNT) || 500); index++) {
		const text = Array.from({length: Math.floor(random() * 120)}, () => fragments[Math.floor(random() * fragments.length)]).join('');
		try {
			parseDocument(text, 'fuzz.md');
		} catch (error) {
			if (!(error instanceof InputError)) {
				crashes++;
				t.log(JSON.stringify(text).slice(0, 300), (error as Error).message);
			}
		}
	}

	t.is(crashes, 0);
});
