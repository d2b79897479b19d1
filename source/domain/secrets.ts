/**
 * Masking of secret values (Synapse's registration_shared_secret, macaroon_secret_key, form_secret, passwords, tokens)
 * wherever text leaves the tool's hands: diffs, logs, saved output tails.
 */

const secretKey = String.raw`[\w.-]*(?:secret|password|passwd|token|api_key|private_key)[\w.-]*`;

// `key: value` (YAML), `key = value` (ini), `"key": "value"` (JSON), `--password value` / `--password=value` (flags),
// and a secret inside a command line (`echo "form_secret: x" >> f`, `PASSWORD=x cmd`).
const patterns: RegExp[] = [
	new RegExp(String.raw`^(\s*[-+ ]?\s*"?${secretKey}"?\s*[:=]\s*)(?!\s*$)("?)([^"\n]+?)("?)(,?\s*)$`, 'gim'),
	new RegExp(String.raw`(--${secretKey}(?:=|\s+))('[^']*'|"[^"]*"|\S+)`, 'gi'),
	new RegExp(String.raw`(${secretKey}["']?\s*[:=]\s*["']?)([^\s"',;&|)]+)`, 'gi'),
];

const mentionsSecret = /secret|passw|token|api_key|private_key/i;

/** The mask put in place of a secret value. */
export const secretMask = '********';

// The values of `secret` parameters this process was given, as written raw, inside JSON strings and inside shell quotes.
const knownValues: string[] = [];

// Shorter values are not masked: hiding every "abc" would garble ordinary text more than it protects.
const shortestMasked = 4;

/**
 * Makes maskSecrets hide these values (the values of `secret` parameters, an admin password say) wherever they appear,
 * not only after a secret-looking key: a password passed as `-p 'VALUE'` is masked too. Process-wide, for every sink.
 */
export function rememberSecretValues(values: Iterable<string | undefined>): void {
	for (const value of values) {
		if (value === undefined || value.length < shortestMasked) continue;
		for (const form of [value, JSON.stringify(value).slice(1, -1), value.replaceAll("'", String.raw`'\''`)]) if (!knownValues.includes(form)) knownValues.push(form);
	}

	knownValues.sort((a, b) => b.length - a.length);
}

/**
 * Returns `text` with the value of every secret-looking key, and every value given to rememberSecretValues, replaced by
 * a mask; everything else is kept byte for byte.
 */
export function maskSecrets(text: string): string {
	for (const value of knownValues) if (text.includes(value)) text = text.replaceAll(value, secretMask);
	// Most text names no secret: one cheap scan spares the line-anchored patterns (a 1 GB command output).
	if (!mentionsSecret.test(text)) return text;
	let masked = text.replace(patterns[0]!, (_all, key: string, open: string, value: string, close: string, tail: string) =>
		isPlaceholder(value) ? `${key}${open}${value}${close}${tail}` : `${key}${open}${secretMask}${close}${tail}`,
	);
	masked = masked.replace(patterns[1]!, (_all, flag: string) => `${flag}${secretMask}`);
	// What the whole-line patterns masked already starts with the mask; placeholders stay readable.
	return masked.replace(patterns[2]!, (all, key: string, value: string) => (value.startsWith('*') || isPlaceholder(value) ? all : `${key}${secretMask}`));
}

// Values that are not secrets themselves: empty markers, YAML nulls, booleans, nested block openers.
function isPlaceholder(value: string): boolean {
	return /^(?:~|null|true|false|yes|no|\||>|\{\}|\[\]|\*+)$/i.test(value.trim());
}
