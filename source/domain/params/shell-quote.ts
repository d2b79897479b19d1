/** `text` for use inside a single-quoted shell word: each `'` closes the quotes, adds an escaped one, and reopens them. */
export function escapeForSingleQuotes(text: string): string {
	return text.replaceAll("'", String.raw`'\''`);
}

/** `word` as one shell word: left as it is when it holds only characters the shell reads literally, else single-quoted. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${escapeForSingleQuotes(word)}'`;
}
