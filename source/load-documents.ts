import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseDocument} from './domain/parse/parse-document.js';
import {slug} from './domain/parse/slug.js';
import {InputError, type SetupDocument} from './domain/types.js';

/**
 * The shipped `runbooks/` directory. This module runs from source/ (tests, tsx) or from a bundle chunk in
 * dist/ or dist/chunks/, so look upwards from here for the package's runbooks/.
 */
export function runbooksDirectory(from: string = fileURLToPath(import.meta.url)): string {
	let dir = path.dirname(from);
	for (let depth = 0; depth < 4; depth++) {
		const candidate = path.join(dir, 'runbooks');
		if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
		dir = path.dirname(dir);
	}

	throw new InputError('cannot find the shipped runbooks/ directory (use --doc FILE)');
}

/** Reads one document; throws InputError naming the file when it cannot be read. */
function readDocument(file: string): string {
	try {
		if (statSync(file).isDirectory()) throw new Error('is a directory');
		return readFileSync(file, 'utf8');
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.replace(/^[A-Z]+: /, '');
		throw new InputError(`cannot read document: ${reason}`, file);
	}
}

/** Makes runbook ids unique across documents by prefixing a clashing id with its document's slug (numbered if need be). */
function disambiguate(documents: SetupDocument[]): void {
	const count = new Map<string, number>();
	for (const runbook of documents.flatMap((document) => document.runbooks)) count.set(runbook.id, (count.get(runbook.id) ?? 0) + 1);
	const prefixes = new Set<string>();
	for (const [index, document] of documents.entries()) {
		let prefix = slug(path.basename(document.path).replace(/\.md$/i, '')) || slug(document.title) || 'document';
		if (prefixes.has(prefix)) prefix = `${prefix}-${index + 1}`;
		prefixes.add(prefix);
		for (const runbook of document.runbooks) {
			if ((count.get(runbook.id) ?? 0) < 2) continue;
			const id = `${prefix}.${runbook.id}`;
			for (const step of runbook.steps) step.id = `${id}/${step.number}`;
			runbook.id = id;
		}
	}
}

/**
 * Parses the `--doc` files, or every `*.md` of the shipped runbooks/ when none is given. Throws InputError
 * (`file: …` or `file:line: …`) for an unreadable or invalid document.
 */
export function loadDocuments(files: string[] = [], directory?: string): SetupDocument[] {
	let paths = files;
	if (paths.length === 0) {
		const dir = directory ?? runbooksDirectory();
		paths = readdirSync(dir)
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => path.join(dir, name));
	}

	// The walkthrough starts on a current shipped document: superseded ones come after it (--doc keeps its order) (a stable sort keeps the rest in order).
	const documents = paths.map((file) => parseDocument(readDocument(file), file)).sort((a, b) => (files.length > 0 ? 0 : Number(Boolean(a.supersededBy)) - Number(Boolean(b.supersededBy))));
	disambiguate(documents);
	return documents;
}
