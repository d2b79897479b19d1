// `run --yes` as a whole process (node start-up included) on a generated document of 20 small steps, each run with a
// fresh state directory and work directory, so every run executes all 20 steps. Run through `npm run bench`.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {operatorEnvironment} from './environment.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const root = mkdtempSync(path.join(tmpdir(), 'tomesh-run-bench-'));
const document = path.join(root, 'twenty-steps.md');
const steps = Array.from({length: 20}, (_, index) =>
	index % 2 === 0
		? `1. Record step ${index + 1}:\n\n\t\`\`\`\n\t# cd "$WORK"\n\t# echo "step ${index + 1}" > step-${index + 1}.txt\n\t\`\`\`\n`
		: `1. Add the marker with \`echo "marker${index + 1}=yes" >> "$WORK/markers.txt"\`\n`,
);
writeFileSync(document, `# Bench\n\n## Bench\n\n### Twenty small steps\n\n${steps.join('\n')}`);

function once() {
	const run = mkdtempSync(path.join(root, 'run-'));
	mkdirSync(path.join(run, 'work'));
	const env = {
		...operatorEnvironment(),
		WORK: path.join(run, 'work'),
		TOMESH_SETUP_BOOT_ID_FILE: path.join(run, 'boot_id'),
		TOMESH_SETUP_PROFILE_DIR: path.join(run, 'profile.d'),
		TOMESH_SETUP_REBOOT_COMMAND: 'true',
	};
	const start = process.hrtime.bigint();
	const result = spawnSync(process.execPath, ['dist/cli.js', 'run', '--yes', '--doc', document, '--state', path.join(run, 'state')], {env, stdio: ['ignore', 'pipe', 'pipe']});
	const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
	if (result.status !== 0) throw new Error(`run --yes failed (exit ${result.status}): ${result.stdout}${result.stderr}`);
	if (!String(result.stdout).includes('20 steps run')) throw new Error(`unexpected output: ${result.stdout}`);
	rmSync(run, {recursive: true, force: true});
	return elapsed;
}

try {
	once(); // warm-up (file cache)
	const times = Array.from({length: runs}, () => once()).sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	process.stdout.write(`run --yes 20 steps: median ${median.toFixed(0)} ms (${runs} runs, min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})\n`);
} finally {
	rmSync(root, {recursive: true, force: true});
}
