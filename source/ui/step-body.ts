/** A step's markdown is its list item's source: the body, without the `1.` marker and its indentation, renders as prose. */

/** The item's text with the list marker removed and continuation lines dedented (tab or the marker's width). */
export function stepBody(markdown: string): string {
	const marker = /^[ \t]*(?:\d+[.)]|[-*+])[ \t]+/.exec(markdown);
	if (!marker) return markdown;
	const width = marker[0].length;
	const [first = '', ...rest] = markdown.slice(width).split('\n');
	const dedented = rest.map(line => {
		if (line.startsWith('\t')) return line.slice(1);
		const spaces = /^ */.exec(line)![0].length;
		return line.slice(Math.min(spaces, Math.max(width, 4)));
	});
	return [first, ...dedented].join('\n');
}
