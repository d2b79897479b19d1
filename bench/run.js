// `npm run bench`: runs every bench/*.bench.js one after the other (each measures whole processes of the built
// CLI and prints its own medians), so that numbers are never taken inside a test.
import {readdir} from 'node:fs/promises';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {machineSpeedLine} from './measure.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = (await readdir(here)).filter(name => name.endsWith('.bench.js')).sort();
let failed = 0;
// Before and after: a change of speed during the benches shows.
process.stdout.write(`# ${machineSpeedLine()}`);
for (const name of benches) {
	if (only.length > 0 && !only.some(word => name.includes(word))) continue;
	process.stdout.write(`# ${name}\n`);
	const result = spawnSync(process.execPath, [`${here}${name}`], {stdio: 'inherit'});
	if (result.status !== 0) {
		failed++;
		process.stdout.write(`# ${name} failed (exit ${result.status})\n`);
	}
}

process.stdout.write(`# ${machineSpeedLine()}`);
process.exitCode = failed > 0 ? 1 : 0;
