import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {checkSetValues} from '../domain/params/parameters.js';
import {preflightExitCode, preflightFindings} from '../domain/preflight/rules.js';
import {preflightTargets} from '../domain/preflight/targets.js';
import {selectDocuments} from '../domain/plan/select-runbooks.js';
import {gatherPreflightFacts} from '../engine/preflight-facts.js';
import {loadDocuments} from '../load-documents.js';
import {formatPreflightJson, formatPreflightText} from '../reporters/preflight-report.js';

/**
 * `tomesh-setup preflight [--json]`: what is already on this server that the documents will meet — OS, PID 1, apt
 * lock, who holds ports 80/443/8448/8008, nginx sites and certificates of the documents' host names, memory and swap,
 * free disk, where the host names point. Changes nothing. Exit 0 unless something blocks the documents (then 1).
 */
export async function preflightCommand(options: CliOptions): Promise<number> {
	const all = loadDocuments(options.docs, undefined, {trust: options.trustDoc});
	const documents = selectDocuments(all, options.only);
	const given = checkSetValues(all.flatMap((document) => document.parameters), options.set);
	const targets = preflightTargets(documents, given);
	const facts = await gatherPreflightFacts({hostNames: targets.hostNames, dns: true, dnsTimeoutMs: Math.min(options.timeoutMs, 3000)});
	const findings = preflightFindings(facts, targets);
	process.stdout.write(options.json ? formatPreflightJson(findings, facts) : formatPreflightText(findings));
	return preflightExitCode(findings);
}
