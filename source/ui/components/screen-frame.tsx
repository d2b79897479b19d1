import {Box, measureElement, Text, type DOMElement} from 'ink';
import {useLayoutEffect, useRef, useState, type ReactNode, type RefObject} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {useStateRef} from '../hooks/use-state-ref.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {moreAbove, moreBelow, scrolledTop} from '../scroll-position.js';

/** The key hint of a screen whose body scrolls. */
export const scrollHint = {key: '↑↓ PgUp PgDn', label: 'scroll'};

/** Which keys scroll the body: all (↑↓ too), only the page keys (↑↓ belong to the screen), or none. */
export type ScrollKeys = 'all' | 'pages' | 'none';

/** Props of a screen frame. */
export interface ScreenFrameProps {
	/** What stays on top whatever the scroll (where the operator is, what is being changed). */
	header: ReactNode;
	/** What stays at the bottom (the keys); given whether the body scrolls (to name the scroll keys then). */
	footer: ReactNode | ((scrolls: boolean) => ReactNode);
	/** The body: any height; scrolled inside the room the header and footer leave. */
	children: ReactNode;
	keys?: ScrollKeys;
	/** A direct child of the body to keep in view (the focused field); `revealKey` changes when it does. */
	reveal?: RefObject<DOMElement | null>;
	revealKey?: string | number;
}

interface Sizes {
	head: number;
	foot: number;
	view: number;
	total: number;
}

const height = (ref: RefObject<DOMElement | null>) => (ref.current ? measureElement(ref.current).height : 0);

/**
 * A screen no taller than the terminal: header and footer always shown, the body in between scrolled with ↑↓ a row,
 * PgUp/PgDn a page, Home/End the ends, with "more above / more below" marks. One row is left free, so Ink never
 * takes the frame for a full screen and clears the scrollback. Heights are measured after each layout, before the frame
 * is drawn again (the body may be anything Ink draws); until then the frame assumes the body overflows, so no frame
 * is ever taller than the terminal.
 */
export function ScreenFrame({header, footer, children, keys = 'all', reveal, revealKey}: ScreenFrameProps) {
	const {rows} = useTerminalSize();
	const limit = Math.max(rows - 1, 5);
	const headRef = useRef<DOMElement>(null);
	const footRef = useRef<DOMElement>(null);
	const viewRef = useRef<DOMElement>(null);
	const contentRef = useRef<DOMElement>(null);
	const [sizes, setSizes] = useState<Sizes>({head: 0, foot: 0, view: 0, total: Number.POSITIVE_INFINITY});
	// Keys of one burst arrive before React renders again: each moves from where the one before left the view.
	const [top, topRef, setTop] = useStateRef(0);

	const overflows = sizes.head + sizes.total + sizes.foot > limit;
	const last = overflows ? Math.max(sizes.total - sizes.view, 0) : 0;
	const lastRef = useRef(last);
	lastRef.current = last;
	useLayoutEffect(() => {
		const next = {head: height(headRef), foot: height(footRef), view: height(viewRef), total: height(contentRef)};
		if (next.head !== sizes.head || next.foot !== sizes.foot || next.view !== sizes.view || next.total !== sizes.total) setSizes(next);
		if (topRef.current > last) setTop(last);
	});
	useLayoutEffect(() => {
		const item = reveal?.current;
		if (!item?.yogaNode || !overflows || sizes.view === 0) return;
		const itemTop = item.yogaNode.getComputedTop();
		const itemBottom = itemTop + measureElement(item).height;
		if (itemTop < topRef.current) setTop(itemTop);
		else if (itemBottom > topRef.current + sizes.view) setTop(Math.min(itemBottom - sizes.view, last));
	}, [revealKey, overflows, sizes.view, last]);
	useKeys((_input, key) => {
		const next = scrolledTop(key, topRef.current, Math.max(sizes.view - 1, 1), lastRef.current, keys === 'all');
		if (next !== undefined) setTop(next);
	}, keys !== 'none' && overflows);
	const shownTop = Math.min(top, last);
	const below = Math.max(sizes.total - shownTop - sizes.view, 0);
	return (
		<Box flexDirection="column" height={overflows ? limit : undefined}>
			<Box ref={headRef} flexDirection="column" flexShrink={0}>
				{header}
			</Box>
			{overflows ? <Text dimColor>{moreAbove(shownTop)}</Text> : null}
			<Box ref={viewRef} flexDirection="column" flexGrow={overflows ? 1 : 0} flexShrink={1} overflowY="hidden">
				{/* Scrolled, out of the flow: laid out at its natural height (in the flow it would be squeezed into the view).
				    Otherwise in the flow, so that a body that grew is drawn whole before it is measured again. */}
				<Box ref={contentRef} position={overflows ? 'absolute' : 'relative'} width="100%" flexDirection="column" marginTop={-shownTop}>
					{children}
				</Box>
			</Box>
			{overflows ? <Text dimColor>{moreBelow(Number.isFinite(below) ? below : 0)}</Text> : null}
			<Box ref={footRef} flexDirection="column" flexShrink={0}>
				{typeof footer === 'function' ? footer(overflows) : footer}
			</Box>
		</Box>
	);
}
