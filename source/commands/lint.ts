import path from 'node:path';
import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {lintDocuments} from '../domain/lint/lint-documents.js';
import {selectDocuments} from '../domain/plan/select-runbooks.js';
import {loadDocuments} from '../load-documents.js';
import {formatLintJson, formatLintText} from '../reporters/lint-report.js';

/** A document's path as the reader knows it: relative to the current directory when it lies below it. */
function display(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * `tomesh-setup lint [--doc FILE] [--only RUNBOOK] [--json]`: the outdated instructions of the documents, each with
 * today's equivalent. Reads the documents only. Exit 0 without findings, 1 with findings (2 for bad input, thrown).
 */
export async function lintCommand(options: CliOptions): Promise<number> {
	const documents = selectDocuments(loadDocuments(options.docs, undefined, {trust: options.trustDoc}), options.only);
	const findings = lintDocuments(documents);
	process.stdout.write(options.json ? formatLintJson(findings, documents.length) : formatLintText(findings, documents.length, display));
	return findings.length > 0 ? 1 : 0;
}
