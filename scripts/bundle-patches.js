// How the CLI is bundled, shared by the build (scripts/build.js) and the first-frame bench (which bundles a minimal Ink
// app the same way, as its floor): esbuild's options, and what the bundle changes in its dependencies for the TUI's
// start (esbuild plugins).
import path from 'node:path';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// conf loads ajv (with its formats) and semver at start, for schemas and migrations the state files do not use:
// the bundle gets a stand-in that throws if ever reached (source/store/conf-unused.ts).
const confWithoutValidator = {
	name: 'conf-without-validator',
	setup(build) {
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/}, args =>
			args.importer.includes(`${path.sep}conf${path.sep}`) ? {path: path.join(root, 'source/store/conf-unused.ts')} : undefined,
		);
	},
};

// yoga-layout (Ink's layout engine) decodes its WebAssembly from a data: URL and, because Node has a global fetch,
// fetches it: that loads Node's whole HTTP client (undici), ~55 ms of CPU before the TUI's first frame, to decode
// bytes that are already in memory. The bundle takes the branch yoga takes where there is no fetch: the same bytes,
// decoded in place. The build fails if yoga's text changes, so an update is looked at rather than silently unpatched.
const yogaFetch = '"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})';
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			if (text.split(yogaFetch).length !== 2) throw new Error(`${args.path}: yoga's wasm loading changed; see yogaWithoutFetch in scripts/bundle-patches.js`);
			return {contents: text.replace(yogaFetch, 'true?Promise.resolve().then(function(){return wa()})'), loader: 'js'};
		});
	},
};

// string-width (Ink's text measure) builds `/^\p{RGI_Emoji}$/v` when it loads: ~85 ms of CPU, with its first test,
// before the first frame. The bundle gives it source/ui/lazy-emoji-regex.ts instead, which gives the same answers and
// builds the regex only for a cluster that can be an emoji. The build fails if no string-width had that line.
const rgiEmojiLine = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const lazyEmojiRegex = {
	name: 'lazy-emoji-regex',
	setup(build) {
		let patched = 0;
		build.onStart(() => {
			patched = 0;
		});
		build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			if (!text.includes(rgiEmojiLine)) return undefined;
			patched++;
			const stand = JSON.stringify(path.join(root, 'source/ui/lazy-emoji-regex.ts'));
			return {contents: text.replace(rgiEmojiLine, `import {rgiEmojiRegex} from ${stand};`), loader: 'js', resolveDir: path.dirname(args.path)};
		});
		build.onEnd(result => {
			if (result.errors.length === 0 && patched === 0) throw new Error(`no string-width had ${rgiEmojiLine}; see lazyEmojiRegex in scripts/bundle-patches.js`);
		});
	},
};

// Ink turns every line of every frame into text with @alcalzone/ansi-tokenize's styledCharsToString, which allocates
// three Sets and several arrays per character: the bundle gives it source/ui/styled-chars-to-string.ts, the same text
// with a shortcut between characters of the same styles (the TUI's garbage during a flood, and ~10% of the first
// frame). The build fails if the library's function is no longer there to replace.
const styledCharsToStringStart = 'export function styledCharsToString(chars) {';
const fastStyledChars = {
	name: 'fast-styled-chars',
	setup(build) {
		build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			if (text.split(styledCharsToStringStart).length !== 2) throw new Error(`${args.path}: styledCharsToString changed; see fastStyledChars in scripts/bundle-patches.js`);
			const fast = JSON.stringify(path.join(root, 'source/ui/styled-chars-to-string.ts'));
			const contents = `import {styledCharsToString as fastStyledCharsToString} from ${fast};\n${text.replace(
				styledCharsToStringStart,
				'export function styledCharsToString(chars) {\n\treturn fastStyledCharsToString(chars, {diffAnsiCodes, ansiCodesToString});\n}\nfunction librarysStyledCharsToString(chars) {',
			)}`;
			return {contents, loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

/** esbuild's options for a bundle like dist/: code split ES modules for Node 20, with the patches above. */
export const bundleOptions = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	banner: {
		// Some bundled CommonJS dependencies call require(); give them one.
		js: "import {createRequire as __tsCreateRequire} from 'node:module'; const require = __tsCreateRequire(import.meta.url);",
	},
	external: ['react-devtools-core'],
	plugins: [confWithoutValidator, yogaWithoutFetch, lazyEmojiRegex, fastStyledChars],
	// React's production build: half the size of the development one, and the TUI's first frame loads it.
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
};
