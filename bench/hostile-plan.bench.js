// `plan --json` on generated documents built to be slow: a megabyte of `!`, one runbook of very many (annotated)
// steps, deep nesting. Whole process, 1 MB and 10 MB; the goal is ≤ 1 s per MB. Run through `npm run bench hostile`.
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
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'tomesh-hostile-bench-'));
try {
	for (const [name, generate] of Object.entries(generators)) {
		for (const megabytes of [1, 10]) {
			const file = path.join(dir, 'doc.md');
			writeFileSync(file, generate(megabytes * 1024 * 1024));
			const size = statSync(file).size / 1024 / 1024;
			report(`plan --json, ${name}, ${size.toFixed(1)} MB`, medianMs([process.execPath, cli, 'plan', '--json', '--doc', file], {runs: 1}), 1);
		}
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
