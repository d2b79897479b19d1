// The README's quick start: `npm ci && ./tomesh-setup` in a clone. The launcher runs the dist/ that npm ci built —
// no reinstall, no rebuild (what `npx tomesh-setup` did on every call) — for root and for a user who cannot write to
// the clone alike.
import {execFile} from 'node:child_process';
import {chmod, cp, readdir, readFile, rm, stat, symlink} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {testNeeding} from '../helpers/requirements.js';
import {repoRoot} from '../domain/seed-paths.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const run = promisify(execFile);
const launcher = path.join(repoRoot, 'tomesh-setup');

/** What a run uses of a clone, copied into a directory others may read but not write, like a clone made as root. */
async function rootOwnedClone(t: {teardown: (f: () => Promise<void>) => void}): Promise<string> {
	const clone = temporaryDirectory('tomesh-clone-');
	t.teardown(async () => rm(clone, {recursive: true, force: true}));
	await chmod(clone, 0o755);
	for (const part of ['tomesh-setup', 'package.json', 'dist', 'runbooks']) await cp(path.join(repoRoot, part), path.join(clone, part), {recursive: true});
	return clone;
}

test('the quick start gives the launcher, plan and .ci/run, and never npx (slow, and silent for non-root)', async (t) => {
	const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
	const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
	t.regex(quickStart, /^npm ci && \.\/tomesh-setup\b/m);
	t.regex(quickStart, /^\.\/tomesh-setup plan\b/m);
	t.regex(quickStart, /^bash \.ci\/run\b/m);
	t.notRegex(readme, /npx tomesh-setup/);
});

test('./tomesh-setup --help and plan run the built dist/ as it is: nothing is rebuilt', async (t) => {
	const before = {mtime: (await stat(path.join(repoRoot, 'dist/cli.js'))).mtimeMs, entries: await readdir(repoRoot)};
	const help = await run(launcher, ['--help'], {cwd: repoRoot});
	t.regex(help.stdout, /^Usage/m);
	const plan = await run(launcher, ['plan'], {cwd: repoRoot, maxBuffer: 16 * 1024 * 1024});
	t.regex(plan.stdout, /runbooks\/tomesh-chat\.md/);
	t.is((await stat(path.join(repoRoot, 'dist/cli.js'))).mtimeMs, before.mtime, 'dist/ was not rebuilt');
	t.deepEqual(await readdir(repoRoot), before.entries, 'no build directory appeared');
});

test('the launcher works through a symlink, and says in one line when dist/ is missing', async (t) => {
	const clone = await rootOwnedClone(t);
	await symlink(path.join(clone, 'tomesh-setup'), path.join(clone, 'linked'));
	t.regex((await run(path.join(clone, 'linked'), ['--version'])).stdout, /\d+\.\d+\.\d+/);
	await rm(path.join(clone, 'dist'), {recursive: true});
	const error = await run(path.join(clone, 'tomesh-setup'), ['--help']).catch((error_: {code: number; stderr: string}) => error_);
	t.like(error, {code: 2});
	t.regex((error as {stderr: string}).stderr, /^tomesh-setup: .*dist\/cli\.js is missing: run npm ci in .*\n$/);
});

testNeeding(['root'])('a user who cannot write to a root-owned clone runs ./tomesh-setup --help and plan', async (t) => {
	const clone = await rootOwnedClone(t);
	const asNobody = (args: string[]) => run('runuser', ['-u', 'nobody', '--', path.join(clone, 'tomesh-setup'), ...args], {cwd: clone, env: {...process.env, HOME: clone}, maxBuffer: 16 * 1024 * 1024});
	t.regex((await asNobody(['--help'])).stdout, /^Usage/m);
	t.regex((await asNobody(['plan'])).stdout, /Install Synapse Homeserver/);
});
