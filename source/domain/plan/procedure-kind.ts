import type {Runbook} from '../types.js';

/** What a procedure is for: part of setting a server up, or maintenance of one already running (an upgrade). */
export type ProcedureKind = 'setup' | 'maintenance';

// Titles are the only hint the documents give ("Update Synapse Version"); setup procedures are named for what they
// build ("Install Synapse", "Set up HTTPS"), maintenance ones for what they do to a running server.
const maintenance = /^(?:update|upgrade|maintain|maintenance|renew|rotate|back ?up|restore|migrate)\b/i;

/** The kind of procedure a runbook is, from its title. */
export function procedureKind(runbook: Runbook): ProcedureKind {
	return maintenance.test(runbook.title.trim()) ? 'maintenance' : 'setup';
}

/** What the operator is told of a procedure of this kind ("a maintenance procedure, not part of the setup"). */
export function describeKind(kind: ProcedureKind): string {
	return kind === 'maintenance' ? 'a maintenance procedure, not part of setting the server up' : 'a setup procedure';
}
