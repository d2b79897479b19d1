/**
 * Secret-looking keys and the pattern masker: what finds secret values in text (see secrets/find-values.ts) and what
 * masks `key: value` forms in text whose values are not known in advance (command output, diffs).
 */

// A key or variable that holds a secret: passwords, tokens, keys, Synapse's `*_secret` and `smtp_pass`.
const secretWord = /secret|passw(?:or)?d|passphrase|token|api[_-]?key|private[_-]?key|credential|(?:\b|_)pass\b/i;
// Keys that name where a secret is or how it behaves, not the secret itself (`form_secret_path`, `token_lifetime`).
const aboutSecret = /(?:path|file|dir|length|lifetime|ttl|timeout|expiry|expires|type|format|endpoint|url|enabled)$/i;

/** True when a key, variable or flag name holds a secret (`registration_shared_secret`, `PGPASSWORD`, `smtp_pass`). */
export function isSecretKey(name: string): boolean {
	return secretWord.test(name) && !aboutSecret.test(name);
}

/** True when a parameter's value is a secret: type `secret`, or a name with password, secret or token in it. */
export function isSecretParameter(parameter: {name: string; type: string}): boolean {
	return parameter.type === 'secret' || /password|secret|token/i.test(parameter.name);
}

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

/**
 * Returns `text` with the value of every secret-looking key replaced by a mask; everything else is kept byte for byte.
 * For text the tool did not write (command output, file contents): the tool's own lines are masked by value only.
 */
export function maskSecrets(text: string): string {
	// Most text names no secret: one cheap scan spares the line-anchored patterns (a 1 GB command output).
	if (!mentionsSecret.test(text)) return text;
	let masked = text.replace(patterns[0]!, (_all, key: string, open: string, value: string, close: string, tail: string) =>
		isPlaceholder(value) ? `${key}${open}${value}${close}${tail}` : `${key}${open}${secretMask}${close}${tail}`,
	);
	masked = masked.replace(patterns[1]!, (_all, flag: string) => `${flag}${secretMask}`);
	// What the whole-line patterns masked already starts with the mask; placeholders stay readable.
	return masked.replace(patterns[2]!, (all, key: string, value: string) => (value.startsWith('*') || isPlaceholder(value) ? all : `${key}${secretMask}`));
}

/** Values that are not secrets themselves: empty markers, YAML nulls, booleans, nested block openers, masks. */
export function isPlaceholder(value: string): boolean {
	return /^(?:~|null|none|true|false|yes|no|[|>][-+]?\d*|\{\}|\[\]|\*+)$/i.test(value.trim());
}
