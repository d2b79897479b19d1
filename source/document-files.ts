import {existsSync, readdirSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {slug} from './domain/parse/slug.js';
import {InputError, type SetupDocument} from './domain/types.js';
import {describeError, readNoFollow, untrustedDocumentReason} from './store/safe-files.js';

// What loading documents needs besides the parser: which files, their text, and the documents in order with unique
// ids. Apart from the parser (marked) so that a start that finds every document in the cache never loads it.

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

/** The `--doc` files, or every `*.md` of the shipped runbooks/ (or of `directory`) when none is given. */
export function documentPaths(files: string[], directory?: string): string[] {
	if (files.length > 0) return files;
	const dir = directory ?? runbooksDirectory();
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => path.join(dir, name));
}

/**
 * Reads one document: a regular file (a FIFO or a device is refused, not waited on) that, when this is root, nobody
 * else can change unless `trust` (--trust-doc). Throws InputError naming the file.
 */
export function readDocument(file: string, trust: boolean): string {
	let text: string;
	try {
		// Links are followed for a document (the trust check looks at what it points to); only what is read is checked.
		text = readNoFollow(realFile(file));
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'ENOTREG' ? 'not a regular file' : code === 'EISDIR' ? 'is a directory' : describeError(error);
		throw new InputError(`cannot read document: ${reason}`, file);
	}

	if (!trust && process.geteuid?.() === 0) {
		const reason = untrustedDocumentReason(realFile(file));
		if (reason) throw new InputError(`refused: ${reason}, so someone else could change what root runs (check it, then use --trust-doc)`, file);
	}

	return text;
}

function realFile(file: string): string {
	try {
		return realpathSync(file);
	} catch {
		return file;
	}
}

/**
 * The documents in the order the walkthrough takes them (the shipped ones: a current document before superseded ones;
 * `--doc` files in their order), with runbook ids made unique across documents.
 */
export function orderedDocuments(documents: SetupDocument[], givenFiles: boolean): SetupDocument[] {
	const ordered = givenFiles ? documents : documents.sort((a, b) => Number(Boolean(a.supersededBy)) - Number(Boolean(b.supersededBy)));
	disambiguate(ordered);
	return ordered;
}

// Makes runbook ids unique across documents by prefixing a clashing id with its document's slug (numbered if need be).
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
