/**
 * Renders a step's markdown for the terminal with marked-terminal. Loaded on demand: marked-terminal pulls in a
 * syntax highlighter that the first frame (the checklist) does not need.
 */

/** Turns markdown into terminal text of at most `width` columns. */
export type MarkdownRenderer = (markdown: string) => string;

let loading: Promise<(width: number) => MarkdownRenderer> | undefined;

/** Loads marked + marked-terminal once; later calls reuse them. */
export async function loadMarkdownRenderer(width: number): Promise<MarkdownRenderer> {
	loading ??= (async () => {
		const [{Marked}, {markedTerminal}] = await Promise.all([import('marked'), import('marked-terminal')]);
		return (w: number) => {
			// A fresh instance per width: marked-terminal's options are fixed at creation; never the global `marked`.
			const marked = new Marked(markedTerminal({width: w, reflowText: true, tab: 2, showSectionPrefix: false}) as never);
			return (markdown: string) => String(marked.parse(markdown, {async: false})).replace(/\n+$/, '');
		};
	})();
	return (await loading)(width);
}
