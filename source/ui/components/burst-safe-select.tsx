import {Box} from 'ink';
import {useRef, useState, type ComponentType} from 'react';
import {useKeys} from '../hooks/use-keys.js';

/** One row of the list. */
export interface SelectItem<T> {
	key: string;
	label: string;
	value: T;
}

/** Props of BurstSafeSelect (those of ink-select-input that the checklist uses). */
export interface BurstSafeSelectProps<T> {
	items: Array<SelectItem<T>>;
	isFocused?: boolean;
	initialIndex?: number;
	/** How many rows show at once; the window follows the highlight. */
	limit?: number;
	itemComponent: ComponentType<{label: string; value: T; itemKey: string; isSelected: boolean}>;
	onSelect: (item: SelectItem<T>) => void;
	onHighlight?: (item: SelectItem<T>) => void;
}

/**
 * A list to choose from with ↑↓ (or k j) and Enter, like ink-select-input's SelectInput, except that every key of a
 * burst counts: SelectInput reads its highlight from the frame before, so Down and Enter arriving in one read (typed
 * ahead over SSH) opened the row that was highlighted before Down. Here the highlight lives in a ref that each key
 * moves at once; the window of `limit` rows scrolls to keep it in view, and the ends wrap around.
 */
export function BurstSafeSelect<T>({items, isFocused = true, initialIndex = 0, limit, itemComponent: Item, onSelect, onHighlight}: BurstSafeSelectProps<T>) {
	const clamp = (index: number) => Math.min(Math.max(index, 0), Math.max(items.length - 1, 0));
	const highlighted = useRef(clamp(initialIndex));
	const [, redraw] = useState(0);
	// The row highlighted is kept by key when the items change (an undo redraws the list), else by position.
	const keyOf = useRef(items[highlighted.current]?.key);
	const kept = items.findIndex(item => item.key === keyOf.current);
	highlighted.current = clamp(kept >= 0 ? kept : highlighted.current);
	const rows = Math.min(limit ?? items.length, items.length);
	const offset = useRef(0);
	offset.current = Math.min(Math.max(offset.current, highlighted.current - rows + 1), highlighted.current, Math.max(items.length - rows, 0));

	const move = (index: number) => {
		highlighted.current = index;
		keyOf.current = items[index]?.key;
		redraw(n => n + 1);
		const item = items[index];
		if (item) onHighlight?.(item);
	};

	useKeys((input, key) => {
		if (items.length === 0) return;
		if (key.upArrow || input === 'k') move(highlighted.current === 0 ? items.length - 1 : highlighted.current - 1);
		if (key.downArrow || input === 'j') move(highlighted.current === items.length - 1 ? 0 : highlighted.current + 1);
		if (key.return) onSelect(items[highlighted.current]!);
	}, isFocused);

	return (
		<Box flexDirection="column">
			{items.slice(offset.current, offset.current + rows).map((item, index) => (
				<Box key={item.key}>
					<Item label={item.label} value={item.value} itemKey={item.key} isSelected={offset.current + index === highlighted.current} />
				</Box>
			))}
		</Box>
	);
}
