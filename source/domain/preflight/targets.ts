import type {SetupDocument} from '../types.js';
import type {PreflightTargets} from './types.js';

/** Every text of a document's steps, for the cheap "does it use X" questions below. */
function stepTexts(document: SetupDocument): string[] {
	return document.runbooks.flatMap((runbook) =>
		runbook.steps.flatMap((step) => [
			step.markdown,
			...step.actions.map((action) => (action.kind === 'run' ? action.command : action.kind === 'write' ? action.content : '')),
		]),
	);
}

/**
 * What preflight looks for on behalf of the documents: the host names (each domain parameter's given value, else its
 * default), and whether the steps use apt, Synapse and systemctl.
 */
export function preflightTargets(documents: SetupDocument[], given: Record<string, string> = {}): PreflightTargets {
	const hostNames = new Set<string>();
	for (const parameter of documents.flatMap((document) => document.parameters)) {
		if (parameter.type !== 'domain') continue;
		const value = given[parameter.name] ?? parameter.default;
		if (value) hostNames.add(value.toLowerCase());
	}

	const text = documents.flatMap(stepTexts).join('\n');
	return {
		hostNames: [...hostNames],
		usesApt: /\bapt(?:-get)?\s+(?:install|update|upgrade|dist-upgrade)\b/.test(text),
		usesSynapse: /\bsynapse\b/i.test(text),
		usesSystemctl: /\bsystemctl\b/.test(text),
	};
}
