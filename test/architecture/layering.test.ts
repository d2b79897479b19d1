// The architecture as a test: what each layer may import, one module for zx and one for conf, no import cycles.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';

const root = fileURLToPath(new URL('../../source/', import.meta.url));

function files(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? files(path.join(directory, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(directory, entry.name)] : [],
	);
}

interface Import {
	specifier: string;
	/** The source file it names (relative to source/), for a relative import. */
	target?: string;
	typeOnly: boolean;
}

// Every static and dynamic import of a file.
function importsOf(file: string): Import[] {
	const text = readFileSync(file, 'utf8');
	const found: Import[] = [];
	for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|import\('([^']+)'\)/gm)) {
		const specifier = match[3] ?? match[4]!;
		const typeOnly = match[2] !== undefined;
		const target = specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), specifier)).replace(/\.js$/, '') : undefined;
		found.push({specifier, target, typeOnly});
	}

	return found;
}

const all = files(root).map(file => ({file: path.relative(root, file).replace(/\.tsx?$/, ''), imports: importsOf(file)}));
const layer = (name: string) => name.split('/')[0]!;

test('the domain imports no React, Ink, zx, conf, file system or process module, and nothing above it', t => {
	const forbidden = /^(react|ink|ink-.*|zx|conf|node:(fs|fs\/promises|child_process|http|https|os|worker_threads))$/;
	for (const {file, imports} of all.filter(item => layer(item.file) === 'domain')) {
		for (const item of imports) {
			t.false(forbidden.test(item.specifier), `${file} imports ${item.specifier}`);
			if (item.target) t.is(layer(item.target), 'domain', `${file} imports ${item.target}`);
		}
	}
});

test('zx is imported by engine/process/run-shell only, conf by store/progress-store only', t => {
	for (const {file, imports} of all) {
		if (imports.some(item => /^zx(\/|$)/.test(item.specifier))) t.is(file, 'engine/process/run-shell', `${file} imports zx`);
		if (imports.some(item => item.specifier === 'conf')) t.is(file, 'store/progress-store', `${file} imports conf`);
	}
});

test('the engine knows no command line, screen or reporter; the UI and reporters only read engine types', t => {
	for (const {file, imports} of all) {
		const targets = imports.filter(item => item.target !== undefined);
		if (layer(file) === 'engine' || layer(file) === 'store') {
			for (const item of targets) t.true(['domain', 'engine', 'store'].includes(layer(item.target!)), `${file} imports ${item.target}`);
		}

		if (layer(file) === 'ui' || layer(file) === 'reporters') {
			for (const item of targets) {
				t.false(['commands', 'cli', 'cli-args', 'load-documents', 'load-cached-documents', 'document-files', 'store'].includes(layer(item.target!)), `${file} imports ${item.target}`);
				if (layer(item.target!) === 'engine') t.true(item.typeOnly, `${file} runs engine code from ${item.target}`);
			}
		}
	}
});

test('no import cycles', t => {
	const graph = new Map(all.map(({file, imports}) => [file, imports.filter(item => item.target !== undefined && !item.typeOnly).map(item => item.target!)]));
	const state = new Map<string, 'open' | 'done'>();
	const cycles: string[] = [];
	const visit = (node: string, trail: string[]) => {
		if (state.get(node) === 'done') return;
		if (state.get(node) === 'open') {
			cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
			return;
		}

		state.set(node, 'open');
		for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
		state.set(node, 'done');
	};

	for (const node of graph.keys()) visit(node, []);
	t.deepEqual(cycles, []);
});
