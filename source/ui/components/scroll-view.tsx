import {Box, Text} from 'ink';
import {useEffect, useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {useStateRef} from '../hooks/use-state-ref.js';
import {moreAbove, moreBelow, scrolledTop} from '../scroll-position.js';

/** Props of a scroll view. */
export interface ScrollViewProps {
	/** Rows already wrapped to the width (see wrapLines): one row each. */
	rows: string[];
	/** Rows of the terminal this view may use, its "more above/below" marks included. */
	height: number;
	/** Start at the end (output) rather than the top (a report). */
	fromEnd?: boolean;
	/** Listens to ↑↓/PgUp/PgDn/Home/End (off while another part of the screen owns the keys). */
	active?: boolean;
	/** Colour of a row (diff lines), none by default. */
	color?: (row: string) => string | undefined;
}

/**
 * A window on rows taller than the screen: ↑↓ a row, PgUp/PgDn a page, Home/End the ends, and a "more above / more
 * below" mark on the row it gives up for it, so the operator always knows there is more. The offset lives in a ref
 * too, so every key of a burst moves from where the one before left it.
 */
export function ScrollView({rows, height, fromEnd = false, active = true, color}: ScrollViewProps) {
	const room = Math.max(height, 3);
	const fits = rows.length <= room;
	const body = fits ? room : room - 2;
	const last = Math.max(rows.length - body, 0);
	const [top, topRef, setTop] = useStateRef(fromEnd ? last : 0);
	const following = useRef(fromEnd);
	// Output that grows while it is followed stays followed; a shorter screen keeps the offset in range.
	useEffect(() => {
		setTop(following.current ? last : Math.min(topRef.current, last));
	}, [last]);
	useKeys((_input, key) => {
		const next = scrolledTop(key, topRef.current, Math.max(body - 1, 1), last);
		if (next === undefined) return;
		following.current = next === last;
		setTop(next);
	}, active && !fits);
	if (fits) {
		return (
			<Box flexDirection="column">
				{rows.map((row, i) => (
					<Text key={i} color={color?.(row)}>
						{row === '' ? ' ' : row}
					</Text>
				))}
			</Box>
		);
	}

	const shown = rows.slice(top, top + body);
	const below = rows.length - top - shown.length;
	return (
		<Box flexDirection="column">
			<Text dimColor>{moreAbove(top)}</Text>
			{shown.map((row, i) => (
				<Text key={top + i} color={color?.(row)}>
					{row === '' ? ' ' : row}
				</Text>
			))}
			<Text dimColor>{moreBelow(below)}</Text>
		</Box>
	);
}
