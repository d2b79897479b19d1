/**
 * Starts the walkthrough (`run` or `verify` on a terminal) from dist/walkthrough.js with V8's code cache. Node 20 keeps no compiled code for ES
 * modules, so every start compiled Ink, React and the engine again before the first frame; a script compiled through
 * node:vm can hand V8 the code it compiled last time. The first start of a build compiles as before and, once the
 * checklist is on screen, saves V8's code in the state directory (store/code-cache.ts); the next starts use it.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';
import type {CliOptions} from './cli-args.js';
import {codeCache} from './store/code-cache.js';
import {stateDirectory} from './store/state-directory.js';
import type {runWalkthrough} from './walkthrough.js';

/** What dist/walkthrough.js evaluates to: a function of the `require` and `import.meta.url` it is to see. */
type WalkthroughScript = (require: ReturnType<typeof createRequire>, importMetaUrl: string) => Promise<{runWalkthrough: typeof runWalkthrough}>;

/** How the code cache served this start: none kept yet, V8 took it, or V8 refused it (another Node, other flags). */
export type CodeCacheUse = 'none' | 'used' | 'rejected';

/** Runs the walkthrough script `file` with the code cache of the state directory `options` name; resolves to the exit code. */
export async function runWalkthroughScript(options: CliOptions, file: string): Promise<number> {
	const bytes = readFileSync(file);
	// The cached code is V8's for exactly this text on this Node: V8 itself only compares the text's length.
	const key = createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(bytes).digest();
	const stateDir = stateDirectory(options.state);
	const cachedData = codeCache(stateDir, 'walkthrough', key)?.read();
	// The build keeps the script ASCII: latin1 is its text, decoded without UTF-8's cost.
	const script = new vm.Script(bytes.toString('latin1'), {filename: file, cachedData});
	const use: CodeCacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
	const url = pathToFileURL(file).href;
	const {runWalkthrough} = await (script.runInThisContext() as WalkthroughScript)(createRequire(url), url);
	// Called when the first frame is on screen: the state directory exists by now (the first start creates it), and
	// saving V8's code no longer keeps the checklist from the screen. It is saved before the TUI sets its heap flags
	// (right after this, see mount.tsx): V8 refuses code cached under other flags than those it is compiled with, and
	// the next start compiles under Node's own.
	return runWalkthrough(options, () => {
		if (process.env.TOMESH_SETUP_TIMING) process.stderr.write(`code cache: ${use}\n`);
		// verify changes nothing: it takes the code a walkthrough saved, and saves none.
		if (use !== 'used' && options.command === 'run') codeCache(stateDir, 'walkthrough', key)?.write(script.createCachedData());
	});
}
