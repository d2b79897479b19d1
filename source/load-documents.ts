import {existsSync, readdirSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseDocument} from './domain/parse/parse-document.js';
import {slug} from './domain/parse/slug.js';
import {InputError, type SetupDocument} from './domain/types.js';
import type {DocumentCache} from './store/document-cache.js';
import {describeError, readNoFollow, untrustedDocumentReason} from './store/safe-files.js';

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

/**
 * Reads one document: a regular file (a FIFO or a device is refused, not waited on) that, when this is root, nobody
 * else can change unless `trust` (--trust-doc). Throws InputError naming the file.
 */
function readDocument(file: string, trust: boolean): string {
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

// A document parsed before from the same text comes from the cache; an invalid one is never cached, so it is
// reported again at every start.
function parseCached(text: string, file: string, cache: DocumentCache | undefined): SetupDocument {
	const cached = cache?.get(file, text);
	if (cached) return cached;
	const document = parseDocument(text, file);
	cache?.set(file, text, document);
	return document;
}

/**
 * Parses the `--doc` files, or every `*.md` of the shipped runbooks/ when none is given, through `cache` when given.
 * Throws InputError (`file: …` or `file:line: …`) for an unreadable, untrusted (see readDocument) or invalid document.
 */
export function loadDocuments(files: string[] = [], directory?: string, options: {trust?: boolean; cache?: DocumentCache} = {}): SetupDocument[] {
	let paths = files;
	if (paths.length === 0) {
		const dir = directory ?? runbooksDirectory();
		paths = readdirSync(dir)
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => path.join(dir, name));
	}

	// The walkthrough starts on a current shipped document: superseded ones come after it (--doc keeps its order).
	const documents = paths
		.map((file) => parseCached(readDocument(file, options.trust ?? false), file, options.cache))
		.sort((a, b) => (files.length > 0 ? 0 : Number(Boolean(a.supersededBy)) - Number(Boolean(b.supersededBy))));
	disambiguate(documents);
	return documents;
}
