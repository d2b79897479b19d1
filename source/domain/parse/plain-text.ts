/** Markdown inline text → plain text: links keep their text, emphasis and code marks go, whitespace collapses. */
export function plainText(markdown: string): string {
	return markdown
		.replaceAll(/^[ \t]*>[ \t]?/gm, '')
		.replaceAll(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replaceAll(/(\*\*|__)(.+?)\1/g, '$2')
		.replaceAll(/`([^`]*)`/g, '$1')
		.replaceAll(/\s+/g, ' ')
		.trim();
}

/** The first sentence of a step's text, without its final `.` or `:` — the step's title. */
export function firstSentence(text: string): string {
	const sentence = text.split(/(?<=[.!?:])\s+(?=[A-Z])/)[0] ?? text;
	return sentence.replace(/[.:]\s*$/, '').trim();
}
