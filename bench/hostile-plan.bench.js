// `plan --json` on generated documents built to be slow: a megabyte of `!`, one runbook of very many (annotated)
// steps, deep nesting, many headings, many files written, secrets in every step, the worst cases of the secret patterns, a
// huge code block, very long lines. Whole process, 1 MB and 10 MB, median of 3; the goal is ≤ 1 s per MB. Run through
// `npm run bench hostile`.
// A shape that is refused (nesting past the limit, a paragraph of 10 MB without a blank line) is timed to its exit 2.
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {medianMs, report} from './measure.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const generators = {
	'a paragraph of !': bytes => `# Bangs\n\n## Part\n\n### Steps\n\n1. Run \`true\`\n\n${'!'.repeat(bytes)}\n`,
	'one runbook of many annotated steps': bytes => {
		const step = n => `1. Step ${n}:\n\n\t\`\`\`\n\t# cd /tmp/d${n % 7} && echo ${n} >> log\n\t\`\`\`\n\n\t<!-- tomesh-setup: check file /tmp/d${n % 7}/log -->\n\n`;
		const parts = ['# Steps\n\n## Part\n\n### Many\n\n'];
		let size = parts[0].length;
		for (let n = 1; size < bytes; n++) {
			parts.push(step(n));
			size += parts.at(-1).length;
		}

		return parts.join('');
	},
	'nested block quotes and lists': bytes => `# Deep\n\n## Part\n\n### Steps\n\n1. Run \`true\`\n\n${'> - '.repeat(Math.floor(bytes / 4))}x\n`,
	'block quotes 20 deep': bytes => `# Deep\n\n## Part\n\n### Steps\n\n1. Run \`true\`\n\n${`${'> '.repeat(20)}quote\n`.repeat(Math.floor(bytes / 46))}`,
	'many ## and ### headings': bytes => repeatTo(bytes, '# H\n\n', n => `## Part ${n}\n\n### Procedure ${n}\n\n1. Run \`echo ${n}\`\n\n`),
	'many Create **PATH** blocks': bytes =>
		repeatTo(bytes, '# C\n\n## Part\n\n### Files\n\n', n => `${n}. Create **/etc/x${n}.conf**:\n\n\t\`\`\`\n\tkey = v${n}\n\tsecret_key = s${n}verysecret\n\t\`\`\`\n\n`),
	'a secret in every step': bytes =>
		repeatTo(
			bytes,
			'# S\n\n## Part\n\n### Many\n\n',
			n => `${n}. Set it:\n\n\t\`\`\`\n\t# export API_TOKEN=tok${n}abcdef && curl -H "Authorization: Bearer tok${n}abcdef" https://x.org/ --password pw${n}zz\n\t\`\`\`\n\n\tThen change \`form_secret\` to \`fs${n}secret\`.\n\n`,
		),
	'mysql words without a password, on one line': bytes => `# M\n\n## Part\n\n### Steps\n\n1. Run:\n\n\t\`\`\`\n\t# ${'mysql '.repeat(Math.floor(bytes / 6))}-x; mkdir -p /tmp/m\n\t\`\`\`\n`,
	'private key blocks without an end': bytes =>
		`# K\n\n## Part\n\n### Steps\n\n1. Create **/etc/k.pem**:\n\n\t\`\`\`\n${'\t-----BEGIN RSA PRIVATE KEY-----\n\tMIIEnoEnd\n'.repeat(Math.floor(bytes / 44))}\t\`\`\`\n`,
	'one step of very many lines': bytes => `# L\n\n## Part\n\n### Steps\n\n1. Run \`true\`, then read:\n${'   a line of the step that goes on and on\n'.repeat(Math.floor(bytes / 42))}`,
	'one huge code block': bytes => `# L\n\n## Part\n\n### Steps\n\n1. Run:\n\n\t\`\`\`\n${'\t# echo line password=abcd1234\n'.repeat(Math.floor(bytes / 30))}\t\`\`\`\n`,
	'very long lines': bytes => `# L\n\n## Part\n\n### Steps\n\n1. Run:\n\n\t\`\`\`\n\t# echo ${'a'.repeat(bytes / 2)}\n\t\`\`\`\n\n2. Then ${'word '.repeat(bytes / 10)}\n`,
};

// `head` then `item(1)`, `item(2)`… until `bytes`.
function repeatTo(bytes, head, item) {
	const parts = [head];
	let size = head.length;
	for (let n = 1; size < bytes; n++) {
		parts.push(item(n));
		size += parts.at(-1).length;
	}

	return parts.join('');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tomesh-hostile-bench-'));
try {
	for (const [name, generate] of Object.entries(generators)) {
		for (const megabytes of [1, 10]) {
			const file = path.join(dir, 'doc.md');
			writeFileSync(file, generate(megabytes * 1024 * 1024));
			const size = statSync(file).size / 1024 / 1024;
			report(`plan --json, ${name}, ${size.toFixed(1)} MB`, medianMs([process.execPath, cli, 'plan', '--json', '--doc', file], {runs: 3}), 3);
		}
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
