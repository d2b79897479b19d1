import type {Key} from 'ink';

/**
 * Where a scrolled view's top goes for a key: ↑↓ one row (when `arrows`: a screen whose arrows choose something else
 * scrolls by page only), PgUp/PgDn a page of `page` rows, Home/End the first and `last` top. Kept within 0..`last`;
 * undefined for a key that does not scroll.
 */
export function scrolledTop(key: Key, top: number, page: number, last: number, arrows = true): number | undefined {
	let next = top;
	if (key.upArrow && arrows) next -= 1;
	else if (key.downArrow && arrows) next += 1;
	else if (key.pageUp) next -= page;
	else if (key.pageDown) next += page;
	else if (key.home) next = 0;
	else if (key.end) next = last;
	else return undefined;
	return Math.min(Math.max(next, 0), last);
}

/** The row above a scrolled view: how many rows are hidden above, and the keys that show them (' ' when none). */
export function moreAbove(rows: number): string {
	return rows > 0 ? `↑ ${rows} more above (↑ PgUp Home)` : ' ';
}

/** The row below a scrolled view: how many rows are hidden below, and the keys that show them (' ' when none). */
export function moreBelow(rows: number): string {
	return rows > 0 ? `↓ ${rows} more below (↓ PgDn End)` : ' ';
}
