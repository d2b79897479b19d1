import type {PreflightFinding} from './types.js';

/** What the walkthrough's start screen shows of preflight: what needs a look, and what is already in place. */
export interface StartScreenFindings {
	/** Blocking findings first, then warnings of what the documents will collide with, then the other warnings. */
	attention: PreflightFinding[];
	/** Fine findings that name something already on the server (a port in use, a site, a certificate). */
	present: PreflightFinding[];
	/** Some finding means the documents cannot work here: starting asks first. */
	blocking: boolean;
}

// Ports, sites and certificates the documents will meet: worth seeing before the first step even when they are fine.
const aboutThingsThere = /^(?:port-\d+|nginx-site-|certificate-)/;

const collides = /^(?:port-\d+|nginx-site-|certificate-|apt-lock)/;

/** Sorts preflight's findings for the start screen. Pure. */
export function startScreenFindings(findings: readonly PreflightFinding[]): StartScreenFindings {
	// What the documents will collide with on this server comes before what is only worth knowing.
	const rank = (finding: PreflightFinding) => (finding.level === 'block' ? 0 : collides.test(finding.id) ? 1 : 2);
	const attention = findings.filter(finding => finding.level !== 'ok').sort((a, b) => rank(a) - rank(b));
	const present = findings.filter(finding => finding.level === 'ok' && aboutThingsThere.test(finding.id) && !finding.what.endsWith(' is free'));
	return {attention, present, blocking: attention.some(finding => finding.level === 'block')};
}
