// Whole-process median of `verify --json` on the shipped document, on this (unconfigured) machine, each run with a
// fresh state directory. Checks run concurrently, so the figure is bounded by the slowest check, not their sum.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawnSync} from 'node:child_process';
import {operatorEnvironment} from './environment.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// TOMESH_SETUP_CLI measures another build (one that a concurrent `npm run build` cannot delete meanwhile).
const cli = process.env.TOMESH_SETUP_CLI ?? path.join(root, 'dist/cli.js');
const document = path.join(root, 'runbooks/tomesh-chat.md');
const runs = 7;

function once() {
	const state = mkdtempSync(path.join(tmpdir(), 'tomesh-bench-verify-'));
	try {
		const start = process.hrtime.bigint();
		const result = spawnSync(process.execPath, [cli, 'verify', '--json', '--doc', document, '--state', state], {env: operatorEnvironment(), stdio: ['ignore', 'pipe', 'pipe']});
		const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
		// Exit 1 is expected here (nothing is set up); 2 means the document or the state could not be read.
		if (result.status !== 0 && result.status !== 1 || result.stdout.length === 0) throw new Error(`verify exited ${result.status}: ${result.stderr}`);
		return {elapsed, summary: JSON.parse(result.stdout.toString()).summary};
	} finally {
		rmSync(state, {recursive: true, force: true});
	}
}

once(); // Warm-up: file caches, DNS of any http check.
const samples = Array.from({length: runs}, () => once());
const times = samples.map(sample => sample.elapsed).sort((a, b) => a - b);
const {summary} = samples[0];
process.stdout.write(`verify --json shipped: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms\n`);
process.stdout.write(`  (${runs} runs, fresh --state each; checks: ${summary.pass} pass, ${summary.fail} fail, ${summary.skip} skip)\n`);
