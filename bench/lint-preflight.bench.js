// `lint` and `preflight` on the shipped runbooks as whole processes (node start-up included), next to `--help` for the
// start-up alone. Run through `npm run bench`, which builds dist/ first.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {medianMs, report} from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
const runs = 5;

for (const [label, args] of [
	['lint (shipped runbooks)', ['lint']],
	['lint --json (shipped runbooks)', ['lint', '--json']],
	['preflight (shipped runbooks, DNS included)', ['preflight']],
	['preflight --json (shipped runbooks)', ['preflight', '--json']],
	['--help', ['--help']],
]) {
	report(label, medianMs([process.execPath, cli, ...args], {runs, cwd: root}), runs);
}
