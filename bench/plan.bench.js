// `plan --json` as a whole process (node start-up included) on the seed and on a generated ~1 MB document of the
// same style. Run through `npm run bench`, which builds dist/ first.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {medianMs, report} from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
const seed = path.join(root, 'test/fixtures/documents/tomesh-chat.md');
const runs = 9;

/** The seed's body repeated under numbered components until the text reaches `bytes`. */
function bigDocument(bytes) {
	const text = readFileSync(seed, 'utf8');
	const [title, ...rest] = text.split('\n');
	const body = rest.join('\n');
	const parts = [title];
	for (let copy = 1; parts.join('\n').length < bytes; copy++) parts.push(body.replaceAll(/^(#{2,3} .*)$/gm, `$1 (part ${copy})`));
	return parts.join('\n');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tomesh-plan-bench-'));
try {
	const big = path.join(dir, 'big.md');
	writeFileSync(big, bigDocument(1024 * 1024));
	const size = readFileSync(big).length;
	for (const [label, doc] of [['plan --json seed', seed], [`plan --json 1 MB document (${(size / 1024).toFixed(0)} KB)`, big]]) {
		const check = medianMs([process.execPath, cli, 'plan', '--json', '--doc', doc], {runs: 1});
		if (!Number.isFinite(check)) throw new Error(`${label} failed`);
		report(label, medianMs([process.execPath, cli, 'plan', '--json', '--doc', doc], {runs}), runs);
	}

	report('plan (text, shipped runbooks)', medianMs([process.execPath, cli, 'plan'], {runs}), runs);
	report('--help', medianMs([process.execPath, cli, '--help'], {runs}), runs);
	report('./tomesh-setup --help (the quick start\'s launcher)', medianMs([path.join(root, 'tomesh-setup'), '--help'], {runs}), runs);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
