// Walks the static imports of a source file, to check which packages a command's fast path loads.
import {readFileSync} from 'node:fs';
import path from 'node:path';

/** Static imports of a source file, resolved to source files or package names. */
function imports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/^import\s(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((match) => {
		const specifier = match[1]!;
		return specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier;
	});
}

/** Packages that cannot load on a command's fast path. */
export const heavyPackages = ['ink', 'react', 'zx', 'conf', 'ink-select-input', 'ink-text-input', 'ink-spinner', 'marked-terminal'];

/** Every source file and package reached from `entry` through static (non-type) imports. */
export function importGraph(entry: string): {files: Set<string>; packages: Set<string>} {
	const files = new Set<string>();
	const packages = new Set<string>();
	const queue = [entry];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (files.has(file)) continue;
		files.add(file);
		for (const target of imports(file)) {
			if (path.isAbsolute(target)) queue.push(target);
			else packages.add(target.split('/')[0]!);
		}
	}

	return {files, packages};
}
