// Bundles the CLI into dist/ with code splitting: the fast paths (plan, --help, headless commands) load
// only their own chunks, and Ink/React are loaded only when a TTY asks for the TUI.
import {build} from 'esbuild';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {rm, chmod, readFile, rename} from 'node:fs/promises';
import {bundleOptions} from './bundle-patches.js';
import {buildWalkthroughScript} from './walkthrough-bundle.js';

// Built beside dist/ and swapped in at the end, so a CLI that is running (a test, a bench) never finds dist/ half-written.
const fresh = `dist.building-${process.pid}`;
const old = `dist.old-${process.pid}`;
await rm(fresh, {recursive: true, force: true});
// marked-terminal's syntax highlighter (highlight.js, every language) is replaced by a no-op: see the module.
const alias = {'cli-highlight': './source/ui/plain-highlight.ts'};
const define = {
	...bundleOptions.define,
	TOMESH_SETUP_VERSION: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version),
	// Names this build: documents parsed by another build (another parser) are not read from the cache.
	TOMESH_SETUP_BUILD_ID: JSON.stringify(`${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`),
};
await build({...bundleOptions, entryPoints: {cli: 'source/cli.ts'}, outdir: fresh, chunkNames: 'chunks/[name]-[hash]', alias, define});
// `run` on a terminal again, as one script that starts from V8's code cache (see source/walkthrough-script.ts).
await buildWalkthroughScript({entry: 'source/walkthrough.ts', outfile: `${fresh}/walkthrough.js`, alias, define});
await chmod(`${fresh}/cli.js`, 0o755);
await rename('dist', old).catch(error => {
	if (error.code !== 'ENOENT') throw error;
});
await rename(fresh, 'dist');
await rm(old, {recursive: true, force: true});
