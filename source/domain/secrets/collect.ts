import {resolveStep} from '../params/resolve-step.js';
import {isSecretKey, isSecretParameter} from '../secrets.js';
import type {Action, Check, Parameter, SetupDocument, Step} from '../types.js';
import {findProseSecrets, findSecretValues, isSecretValue} from './find-values.js';

/**
 * Every secret value the documents and the parameter values hold, collected once when a command starts: values of
 * secret parameters; values of secret-looking keys and flags in commands, in the files written and in edits (the
 * steps as written and with `values` filled in); secrets given in prose; private-key bodies.
 */
export function collectSecrets(documents: SetupDocument[], values: Record<string, string>, parameters: Parameter[]): Set<string> {
	const secrets = new Set<string>();
	const add = (items: Iterable<string>) => {
		for (const item of items) if (isSecretValue(item)) secrets.add(item);
	};

	for (const parameter of parameters) {
		if (!isSecretParameter(parameter)) continue;
		// A document's own example password is a secret too; an upper-case placeholder (ADMIN_PASSWORD) is not.
		const placeholder = (value: string) => /^[A-Z][A-Z\d_]*$/.test(value);
		add([values[parameter.name] ?? '', ...[parameter.default ?? '', parameter.literal].filter(value => !placeholder(value))]);
	}

	// Loops, not a flatMap of every step: a document of ten thousand runbooks of one step each.
	for (const document of documents) {
		for (const runbook of document.runbooks) {
			for (const step of runbook.steps) {
				const resolved = resolveStep(step, parameters, values);
				if (resolved === step) {
					stepSecrets(step, searchOnce, add);
					continue;
				}

				// The step with its values filled in mostly reads as written: each of its distinct texts is searched once.
				const find = remembering();
				stepSecrets(step, find, add);
				stepSecrets(resolved, find, add);
			}
		}
	}

	return secrets;
}

/** The values of secret-looking variables in a session's environment (`export API_TOKEN=…`). */
export function secretEnvironmentValues(env: Record<string, string>): string[] {
	return Object.entries(env)
		.filter(([name, value]) => isSecretKey(name) && isSecretValue(value))
		.map(([, value]) => value);
}

type Finder = (text: string, search: (text: string) => string[]) => string[];

// A finder that searches each text once per search function (one per step: no document-wide map of every text).
function remembering(): Finder {
	const seen = new Map<(text: string) => string[], Map<string, string[]>>();
	return (text, search) => {
		const cache = seen.get(search) ?? new Map<string, string[]>();
		seen.set(search, cache);
		let found = cache.get(text);
		if (found === undefined) {
			found = search(text);
			cache.set(text, found);
		}

		return found;
	};
}

const searchOnce: Finder = (text, search) => search(text);

// Hands `add` the secrets of the step's actions, then of its checks, then of its prose.
function stepSecrets(step: Step, find: Finder, add: (items: Iterable<string>) => void): void {
	const values = (text: string) => find(text, findSecretValues);
	for (const action of step.actions) add(actionSecrets(action, values));
	for (const check of step.checks) add(checkSecrets(check, values));
	add(find(step.markdown, findProseSecrets));
}

function actionSecrets(action: Action, findSecretValues: (text: string) => string[]): string[] {
	switch (action.kind) {
		case 'run': {
			return findSecretValues([action.command, action.unless ?? ''].join('\n'));
		}

		case 'write': {
			return findSecretValues(action.content);
		}

		case 'edit': {
			const {edit} = action;
			if (edit.op === 'set-yaml') return isSecretKey(edit.key.at(-1) ?? '') ? [edit.value.replace(/^(["'])(.*)\1$/, '$2')] : [];
			return findSecretValues(edit.op === 'append-line' ? edit.line : edit.insert.join('\n'));
		}

		case 'manual': {
			return [...findSecretValues(action.code ?? ''), ...findProseSecrets(action.text)];
		}

		case 'reboot': {
			return [];
		}
	}
}

function checkSecrets(check: Check, findSecretValues: (text: string) => string[]): string[] {
	switch (check.kind) {
		case 'command': {
			return findSecretValues([check.command, ...(check.expect ?? [])].join('\n'));
		}

		case 'file': {
			return findSecretValues([...(check.contains ?? []), check.equals ?? ''].join('\n'));
		}

		case 'http': {
			return findSecretValues([check.url, check.contains ?? ''].join('\n'));
		}

		case 'port': {
			return [];
		}

		case 'matrix': {
			return findSecretValues([check.serverName, check.web ?? ''].join('\n'));
		}
	}
}
