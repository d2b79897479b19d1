// What `npm install tomesh-setup` gets: the esbuild bundle and the runbooks, and not one dependency — everything the
// CLI needs is inside dist/. Packs the dist/ that `npm test` built (no scripts, so no rebuild under other tests' feet).
import {execFile} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {mkdir, rm} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {repoRoot} from '../domain/seed-paths.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const run = promisify(execFile);

test('the packed tarball installs offline with zero dependencies and its bin runs --help and plan --json', async (t) => {
	if (!existsSync(path.join(repoRoot, 'dist/cli.js'))) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-pack-');
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: repoRoot});
	const [{filename, files}] = JSON.parse(packed.stdout) as [{filename: string; files: Array<{path: string}>}];
	t.true(files.some((file) => file.path === 'dist/cli.js'));
	t.true(files.some((file) => file.path === 'runbooks/tomesh-chat.md'));
	t.false(files.some((file) => /^(source|test)\//.test(file.path)), 'only the bundle and the runbooks are shipped');

	const project = path.join(work, 'project');
	await mkdir(project);
	await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, filename)], {cwd: project});
	const installed = readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
	t.deepEqual(installed, ['tomesh-setup'], 'no dependency was installed');
	t.false(existsSync(path.join(project, 'node_modules/tomesh-setup/node_modules')));

	const bin = path.join(project, 'node_modules/.bin/tomesh-setup');
	const help = await run(bin, ['--help'], {cwd: project});
	t.regex(help.stdout, /^Usage/m);
	const plan = await run(bin, ['plan', '--json'], {cwd: project, maxBuffer: 64 * 1024 * 1024});
	const {documents} = JSON.parse(plan.stdout) as {documents: Array<{path: string; runbooks: unknown[]}>};
	const shipped = readdirSync(path.join(repoRoot, 'runbooks')).filter((name) => name.endsWith('.md'));
	t.deepEqual(documents.map((document) => path.relative(project, document.path)).sort(), shipped.map((name) => `node_modules/tomesh-setup/runbooks/${name}`).sort());
	for (const document of documents) t.true(document.runbooks.length > 0, document.path);
});
