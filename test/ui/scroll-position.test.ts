import test from 'ava';
import type {Key} from 'ink';
import {moreAbove, moreBelow, scrolledTop} from '../../source/ui/scroll-position.js';

const key = (pressed: Partial<Key>) => pressed as Key;

test('each scrolling key moves the top within 0..last; other keys do not scroll', t => {
	t.is(scrolledTop(key({downArrow: true}), 3, 5, 10), 4);
	t.is(scrolledTop(key({upArrow: true}), 0, 5, 10), 0);
	t.is(scrolledTop(key({pageDown: true}), 8, 5, 10), 10);
	t.is(scrolledTop(key({pageUp: true}), 3, 5, 10), 0);
	t.is(scrolledTop(key({home: true}), 7, 5, 10), 0);
	t.is(scrolledTop(key({end: true}), 0, 5, 10), 10);
	t.is(scrolledTop(key({return: true}), 3, 5, 10), undefined);
});

test('without arrows (they choose something else on that screen) only pages, Home and End scroll', t => {
	t.is(scrolledTop(key({downArrow: true}), 3, 5, 10, false), undefined);
	t.is(scrolledTop(key({pageDown: true}), 3, 5, 10, false), 8);
});

test('the rows above and below say how much is hidden and which keys show it, or stay blank', t => {
	t.is(moreAbove(2), '↑ 2 more above (↑ PgUp Home)');
	t.is(moreBelow(5), '↓ 5 more below (↓ PgDn End)');
	t.is(moreAbove(0), ' ');
	t.is(moreBelow(0), ' ');
});
