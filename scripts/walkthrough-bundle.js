// Builds dist/walkthrough.js: `run` on a terminal (source/walkthrough.ts) as one classic script, which node:vm can
// compile with V8's code cache (source/walkthrough-script.ts); Node 20 caches no code for ES modules. esbuild writes
// it as an ES module without imports or exports, which this turns into a script:
// - Node's built-in modules are imported through small modules that take them from the `require` the script is
//   given, which CommonJS dependencies call as they are;
// - Ink's development tools (react-devtools-core, imported only when DEV=true) are left out;
// - the text is wrapped in an async function (Ink and yoga await at their top level) whose result is the entry's
//   exports, and `import.meta.url` is the function's second parameter.
// The build fails when anything else is left that a script cannot hold.
import {builtinModules, createRequire} from 'node:module';
import {writeFile} from 'node:fs/promises';
import {build} from 'esbuild';
import {bundleOptions} from './bundle-patches.js';

const require = createRequire(import.meta.url);
const builtins = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));

// A built-in module as an ES module whose default and named exports are the module's own, read once: what
// `import {x} from 'node:fs'` needs, without esbuild's copy of every property of a CommonJS module at each import.
// (Through another name than `require`, which esbuild would resolve to this very module.)
function builtinModule(name) {
	const names = Object.keys(require(name)).filter(key => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
	return `const builtin = builtinModule(${JSON.stringify(name)});\nexport default builtin;\nexport const {${names.join(', ')}} = builtin;\n`;
}

const builtinsFromRequire = {
	name: 'builtins-from-require',
	setup(build) {
		// `require('node:events')` in a CommonJS dependency stays a call of the script's own `require`: it wants the
		// module itself (a class, here), not the ES module made of it.
		build.onResolve({filter: /^(node:)?[\w/]+$/}, args => {
			if (!builtins.has(args.path)) return undefined;
			return args.kind === 'require-call' ? {path: args.path, external: true} : {path: args.path, namespace: 'builtin'};
		});
		build.onLoad({filter: /.*/, namespace: 'builtin'}, args => ({contents: builtinModule(args.path), loader: 'js'}));
		build.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'no-devtools'}));
		build.onLoad({filter: /.*/, namespace: 'no-devtools'}, () => ({contents: 'export default {connectToDevTools() {}};', loader: 'js'}));
	},
};

/** Bundles `entry` into `outfile` as the walkthrough script, with `define` (the build's version and id). */
export async function buildWalkthroughScript({entry, outfile, define, alias}) {
	const result = await build({
		...bundleOptions,
		entryPoints: [entry],
		outfile,
		splitting: false,
		external: [],
		banner: {},
		alias,
		write: false,
		// Licence comments where they are, not after the exports.
		legalComments: 'inline',
		plugins: [...bundleOptions.plugins, builtinsFromRequire],
		define: {...define, 'import.meta.url': '__importMetaUrl'},
	});
	const text = result.outputFiles[0].text;
	const exports = /\nexport \{([^}]*)\};\n$/.exec(text);
	if (!exports) throw new Error(`${entry}: the bundle does not end with its exports; see scripts/walkthrough-bundle.js`);
	const body = text.slice(0, exports.index);
	const left = /^(?:import|export)\b.*$|\bimport\.meta\b|\bimport\(/m.exec(body);
	if (left) throw new Error(`${entry}: the bundle still has \`${left[0].trim()}\`, which a script cannot hold; see scripts/walkthrough-bundle.js`);
	const returned = exports[1].split(',').map(item => item.trim().split(/\s+as\s+/)).map(([local, exported = local]) => `${exported}: ${local}`);
	// Only comments are left outside ASCII (esbuild escapes the rest): escaped as well, so latin1 reads the text.
	const ascii = body.replaceAll(/[^\u0000-\u007F]/gu, character => `\\u{${character.codePointAt(0).toString(16)}}`);
	await writeFile(outfile, `(async function (require, __importMetaUrl) {\nconst builtinModule = require;\n${ascii}\nreturn {${returned.join(', ')}};\n})\n`);
}
