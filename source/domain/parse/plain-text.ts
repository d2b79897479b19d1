/** Markdown inline text → plain text: links keep their text, emphasis and code marks go, whitespace collapses. */
export function plainText(markdown: string): string {
	// Each pass runs only when its mark is there: most paragraphs have no quote, link or emphasis.
	let text = markdown.includes('>') ? markdown.replaceAll(/^[ \t]*>[ \t]?/gm, '') : markdown;
	if (text.includes('](')) text = text.replaceAll(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
	if (text.includes('**') || text.includes('__')) text = text.replaceAll(/(\*\*|__)(.+?)\1/g, '$2');
	if (text.includes('`')) text = withoutCodeMarks(text);
	// Single spaces only (most texts): nothing to collapse.
	return /[^\S ]| {2}/.test(text) ? text.replaceAll(/\s+/g, ' ').trim() : text.trim();
}

/**
 * What `text.replaceAll(/`([^`]*)`/g, '$1')` gives, without a regular expression: that pairs the backticks from the
 * left and drops each pair, so every backtick goes but the last of an odd number.
 */
export function withoutCodeMarks(text: string): string {
	let count = 0;
	for (let index = text.indexOf('`'); index !== -1; index = text.indexOf('`', index + 1)) count++;
	if (count % 2 === 0) return text.replaceAll('`', '');
	const last = text.lastIndexOf('`');
	return text.slice(0, last).replaceAll('`', '') + text.slice(last);
}

/** The first sentence of a step's text, without its final `.` or `:` — the step's title. */
export function firstSentence(text: string): string {
	// The text before the first break (what split()[0] gives), without splitting the rest.
	const end = /(?<=[.!?:])\s+(?=[A-Z])/.exec(text)?.index;
	const sentence = end === undefined ? text : text.slice(0, end);
	return sentence.replace(/[.:]\s*$/, '').trim();
}

// Words after which a command in backticks is what the sentence says to do ("Start it with `synctl start`").
const connectors = /^(?:with|using|via|by|run|running|type|execute|command|and|or|then|is|as|to|of|in|from|on|at)$/i;

/**
 * The markdown of a title: a command in backticks that ends a sentence straight after a word that does not lead to it
 * ("Reload nginx `service nginx reload`.") is left out, so the title does not run on into the command.
 */
export function withoutTrailingCommand(markdown: string): string {
	if (!markdown.includes('`')) return markdown;
	return markdown.replaceAll(/(\S+)[ \t]+`[^`\n]+`[ \t]*(?=[.:](?:\s|$)|$)/g, (whole, word: string) => (connectors.test(word.replaceAll(/\W/g, '')) ? whole : word));
}
