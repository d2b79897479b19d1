/**
 * Finds secret values in text the documents contain (commands, file contents, edits, prose). Patterns only find the
 * values; masking is by value (masker.ts), so a secret is masked wherever it shows up again, in whatever form.
 */
import {isPlaceholder, isSecretKey} from '../secrets.js';

// A value as written: quoted (the quotes are not part of it) or one shell word.
const value = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\`,;&|)}]+))`;
const key = String.raw`([A-Za-z_][\w.-]*)`;

// `key: value` / `key = value` taking the rest of a YAML or ini line (`smtp_pass: two words`); not `KEY=value cmd`.
const wholeLine = new RegExp(String.raw`^\s*(?:-\s+)?["']?${key}["']?(?:\s*:|\s+=|=\s)[ \t]*(.*?)\s*,?\s*$`, 'gm');
// `KEY=value`, `"key": "value"`, `key: value` inside a command line or JSON. The second branch takes a word that is
// not a key whole: every later start inside it would fail the same way, and retrying each one is quadratic.
const inline = new RegExp(String.raw`["']?${key}["']?\s*[:=]\s*${value}|[A-Za-z_][\w.-]*`, 'g');
// `--password value`, `--password=value`.
const flag = new RegExp(String.raw`--${key}(?:=|\s+)${value}`, 'g');
// `mysql -pPW`, `mysql -p PW`, `sshpass -p PW`: -p is a password only for these programs (not `mkdir -p`). The program
// is found first, then its password is looked for from there (sticky): see passwordsAfterPrograms.
const passwordProgram = /\b(?:mysql|mysqladmin|mysqldump|mariadb|mariadb-dump|sshpass)\b/g;
const shortPassword = new RegExp(String.raw`[^\n;|&]*?\s-p(?:\s+(?!-))?${value}`, 'y');
const authorization = new RegExp(String.raw`(?:\bAuthorization:\s*(?:Bearer|Basic|Token)|\bBearer)\s+${value}`, 'g');
// Same second branch (from a word boundary, as the first): a long `a-b-c-…` run is otherwise rescanned from each boundary.
const urlPassword = /\b[a-z][a-z\d+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"]+)@|\b[a-z][a-z\d+.-]*/gi;
const pemBegin = /-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n/g;
const pemEnd = /\r?\n-----END [A-Z ]*PRIVATE KEY-----/g;
const blockScalar = new RegExp(String.raw`^([ \t]*)(?:-\s+)?["']?${key}["']?:[ \t]*[|>][-+]?\d*[ \t]*$`, 'gm');
const htpasswd = /\bhtpasswd\s+([^\n;|&]*)/g;
// Prose: "changing `registration_shared_secret` to `NEW`", "set `form_secret` to `x`".
const prose = /`([\w.:-]+)`\s+to\s+`([^`\n]+)`/g;

/** Secret values in `text` (a command, a file's content, an edit): values of secret-looking keys and flags, and more. */
export function findSecretValues(text: string): string[] {
	const found: string[] = [];
	const add = (candidate: string | undefined) => {
		const trimmed = candidate?.trim();
		// An upper-case word (`-p PASSWORD`, `YOUR_TOKEN`) is a placeholder the operator replaces, not a secret.
		if (trimmed && isSecretValue(trimmed) && !/^[A-Z][A-Z_]*$/.test(trimmed)) found.push(trimmed);
	};

	// Each pattern runs only on a text holding what every match of it contains: most texts hold few of them, and a
	// document of ten thousand short steps spends more on starting searches than on searching.
	const has = (...words: string[]) => words.some(word => text.includes(word));
	const keyed = has(':', '=');
	if (keyed) for (const match of text.matchAll(wholeLine)) if (isSecretKey(match[1]!)) add(unquote(withoutComment(match[2]!)));
	for (const pattern of [keyed ? inline : undefined, has('--') ? flag : undefined]) {
		if (pattern) for (const match of text.matchAll(pattern)) if (match[1] !== undefined && isSecretKey(match[1])) add(match[2] ?? match[3] ?? match[4]);
	}

	if (has('-p')) for (const password of passwordsAfterPrograms(text)) add(password);
	if (has('Bearer', 'Basic', 'Token')) for (const match of text.matchAll(authorization)) add(match[1] ?? match[2] ?? match[3]);

	if (has('://')) for (const match of text.matchAll(urlPassword)) if (match[1] !== undefined) add(match[1]);
	if (has('PRIVATE KEY')) for (const body of pemBodies(text)) for (const line of body.split('\n')) add(line);
	if (has('htpasswd')) for (const match of text.matchAll(htpasswd)) add(htpasswdPassword(match[1]!));
	if (has('|', '>')) for (const lines of blockScalars(text)) {
		for (const line of lines) add(line);
		add(lines.join(' '));
	}

	return found;
}

/** Secret values given in prose: "changing `registration_shared_secret` to `NEW`". */
export function findProseSecrets(markdown: string): string[] {
	// Most steps' prose has no inline code followed by "to".
	if (!markdown.includes('`') || !markdown.includes('to')) return [];
	return [...markdown.matchAll(prose)].filter(match => isSecretKey(match[1]!.split(':').at(-1)!)).map(match => match[2]!.trim()).filter(isSecretValue);
}

/** A value worth masking: long enough not to mask half the text (under 4 characters), and not a reference or placeholder. */
export function isSecretValue(candidate: string): boolean {
	return candidate.length >= 4 && !isPlaceholder(candidate) && !/^[$%]/.test(candidate) && !/^\*+$/.test(candidate);
}

// The password after each `mysql`/`sshpass`… up to the end of its command (`;`, `|`, `&`, a new line). Linear: when
// no password follows a program word, none follows a later one in the same command either, so that command is done
// (a regular expression retried from every program word rescans the rest of the line each time).
function passwordsAfterPrograms(text: string): string[] {
	const found: string[] = [];
	passwordProgram.lastIndex = 0;
	for (let program = passwordProgram.exec(text); program !== null; program = passwordProgram.exec(text)) {
		shortPassword.lastIndex = passwordProgram.lastIndex;
		const match = shortPassword.exec(text);
		if (match === null) {
			// On to the next command.
			const end = text.slice(passwordProgram.lastIndex).search(/[\n;|&]/);
			if (end === -1) break;
			passwordProgram.lastIndex += end + 1;
			continue;
		}

		const password = match[1] ?? match[2] ?? match[3];
		if (password !== undefined) found.push(password);
		passwordProgram.lastIndex = shortPassword.lastIndex;
	}

	return found;
}

// The body of each private key block (BEGIN … PRIVATE KEY to the next END … PRIVATE KEY). Linear: each BEGIN is paired
// with the first END after it, and once a BEGIN has no END after it, no later one has.
function pemBodies(text: string): string[] {
	const bodies: string[] = [];
	pemBegin.lastIndex = 0;
	for (let begin = pemBegin.exec(text); begin !== null; begin = pemBegin.exec(text)) {
		pemEnd.lastIndex = pemBegin.lastIndex;
		const end = pemEnd.exec(text);
		if (end === null) break;
		bodies.push(text.slice(pemBegin.lastIndex, end.index));
		pemBegin.lastIndex = pemEnd.lastIndex;
	}

	return bodies;
}

// The lines of each block scalar (`key: |` / `key: >` and the more indented lines after it) under a secret key.
function blockScalars(text: string): string[][] {
	const blocks: string[][] = [];
	let lines: string[] | undefined;
	// Line numbers counted on from the previous match: recounting from the start of the text is quadratic.
	let start = 0;
	let counted = 0;
	for (const match of text.matchAll(blockScalar)) {
		if (!isSecretKey(match[2]!)) continue;
		for (let index = text.indexOf('\n', counted); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) start++;
		counted = match.index;
		const body: string[] = [];
		lines ??= text.split('\n');
		for (let next = start + 1; next < lines.length; next++) {
			const line = lines[next]!;
			if (line.trim() === '') continue;
			if (line.length - line.trimStart().length <= match[1]!.length) break;
			body.push(line.trim());
		}

		if (body.length > 0) blocks.push(body);
	}

	return blocks;
}

// The password argument of `htpasswd -b [options] FILE USER PASSWORD` (`-n`: USER PASSWORD, no file).
function htpasswdPassword(rest: string): string | undefined {
	const words = [...rest.matchAll(new RegExp(value, 'g'))].map(match => match[1] ?? match[2] ?? match[3] ?? '');
	const options = words.filter(word => word.startsWith('-')).join('');
	if (!options.includes('b')) return undefined;
	const positional = words.filter(word => !word.startsWith('-'));
	return positional[options.includes('n') ? 1 : 2];
}

function unquote(text: string): string {
	const match = /^(["'])(.*)\1$/.exec(text.trim());
	return match ? match[2]! : text;
}

function withoutComment(text: string): string {
	return /^["']/.test(text) ? text : text.replace(/\s+#.*$/, '');
}
