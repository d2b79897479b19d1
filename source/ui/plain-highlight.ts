/**
 * Stands in for cli-highlight in the bundle (scripts/build.js aliases it here): marked-terminal would otherwise
 * load highlight.js with every language and guess the language of each unlabelled block, which costs the step
 * screen half a second. Code blocks keep marked-terminal's own code colour.
 */

/** Returns the code unchanged. */
export function highlight(code: string): string {
	return code;
}
