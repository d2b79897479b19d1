/**
 * Renders a step's markdown for the terminal with marked-terminal. Loaded on demand: marked-terminal pulls in a
 * syntax highlighter that the first frame (the checklist) does not need.
 */

/** Turns markdown into terminal text of at most `width` columns; code blocks whose text is in `hide` are left out. */
export type MarkdownRenderer = (markdown: string, hide?: string[]) => string;

let loading: Promise<(width: number) => MarkdownRenderer> | undefined;

// Blocks compare by their lines, whatever their indentation or trailing blank lines.
const normalized = (code: string) =>
	code
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean)
		.join('\n');

/** Loads marked + marked-terminal once; later calls reuse them. */
export async function loadMarkdownRenderer(width: number): Promise<MarkdownRenderer> {
	loading ??= (async () => {
		const [{Marked, Lexer}, {markedTerminal}] = await Promise.all([import('marked'), import('marked-terminal')]);
		return (w: number) => {
			// A fresh instance per width: marked-terminal's options are fixed at creation; never the global `marked`.
			const marked = new Marked(markedTerminal({width: w, reflowText: true, tab: 2, showSectionPrefix: false}) as never);
			return (markdown: string, hide: string[] = []) => {
				let source = markdown;
				if (hide.length > 0) {
					// A file the screen shows as a diff is not shown a second time as the document's block.
					const hidden = new Set(hide.map(code => normalized(code)).filter(Boolean));
					source = new Lexer()
						.lex(markdown)
						.map(token => (token.type === 'code' && hidden.has(normalized(String(token.text))) ? '' : token.raw))
						.join('');
				}

				return String(marked.parse(source, {async: false})).replace(/\n+$/, '');
			};
		};
	})();
	return (await loading)(width);
}
