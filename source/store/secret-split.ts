import type {ProgressData} from './progress-store.js';

/** The secret part of saved progress: kept apart, in a 0600 file that status and --json never read. */
export interface SecretPart {
	/** Values of secret parameters. */
	values: Record<string, string>;
	/** Secret variables of each runbook's session (an exported token). */
	sessions: Record<string, Record<string, string>>;
}

/** Tells whether a parameter or variable `name` with `value` is a secret. */
export type SecretTest = (name: string, value: string) => boolean;

/** Splits saved progress into what the progress file may hold and the secrets, which it must not. */
export function splitSecrets(data: ProgressData, isSecret: SecretTest): {open: ProgressData; secret: SecretPart} {
	const open = structuredClone(data);
	const secret: SecretPart = {values: {}, sessions: {}};
	for (const [name, value] of Object.entries(open.values)) {
		if (!isSecret(name, value)) continue;
		secret.values[name] = value;
		delete open.values[name];
	}

	for (const [runbook, session] of Object.entries(open.sessions)) {
		for (const [name, value] of Object.entries(session.env)) {
			if (!isSecret(name, value)) continue;
			(secret.sessions[runbook] ??= {})[name] = value;
			delete session.env[name];
		}
	}

	return {open, secret};
}

/** Saved progress with its secrets put back (a session that no longer exists gets none). */
export function mergeSecrets(open: ProgressData, secret: Partial<SecretPart>): ProgressData {
	const data = structuredClone(open);
	Object.assign(data.values, secret.values ?? {});
	for (const [runbook, env] of Object.entries(secret.sessions ?? {})) {
		const session = data.sessions[runbook];
		if (session) Object.assign(session.env, env);
	}

	return data;
}

/** True when a secret part holds nothing. */
export function isEmptySecretPart(part: SecretPart): boolean {
	return Object.keys(part.values).length === 0 && Object.keys(part.sessions).length === 0;
}
