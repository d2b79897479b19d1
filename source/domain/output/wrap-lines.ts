/**
 * Text lines wrapped to a width for a screen that must know its height before it draws: each line becomes as many
 * rows as it needs, cut at the width (a word longer than the width is cut too). A `gutter` (a diff's "+", "-", " ")
 * is repeated on each continuation row, so a wrapped diff line still reads as added or removed. Pure.
 */
export function wrapLines(lines: string[], width: number, gutter?: (line: string) => string): string[] {
	const rows: string[] = [];
	const room = Math.max(width, 4);
	for (const line of lines) {
		const chars = [...line.replaceAll('\t', '    ')];
		if (chars.length <= room) {
			rows.push(chars.join(''));
			continue;
		}

		const mark = gutter?.(line) ?? '';
		rows.push(chars.slice(0, room).join(''));
		const step = room - mark.length;
		for (let at = room; at < chars.length; at += step) rows.push(mark + chars.slice(at, at + step).join(''));
	}

	return rows;
}

/** The gutter of a unified diff line ("+", "-" or " "), for wrapLines; none for headers. */
export function diffGutter(line: string): string {
	if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@')) return '';
	return /^[+\- ]/.test(line) ? line[0]! : '';
}

// `/tmp/tomesh-session-123-abc/wrapper.sh: line 7: ` — where bash says an error happened: the tool's own script,
// which means nothing to the operator and pushes the error itself off the screen.
const scriptPrefix = /^\/\S*\/tomesh-session-[^/\s]*\/(?:wrapper|command)\.sh: (?:eval: )?line \d+: /;

/** An output line without the tool's internal script prefix bash puts before its own errors. */
export function withoutScriptPrefix(line: string): string {
	return line.replace(scriptPrefix, '');
}
