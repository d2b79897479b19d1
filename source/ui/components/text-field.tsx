import {Text} from 'ink';
import {useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';

/** Props of a text field. */
export interface TextFieldProps {
	value: string;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
	focus: boolean;
	/** Show a `*` for each character instead of the characters (a password). */
	hidden?: boolean;
}

/**
 * A one-line text field: typing and pasting append, Backspace deletes, Ctrl-U clears, Enter submits.
 * Used instead of ink-text-input, whose handler sees a stale value when several keys arrive in one read (a paste
 * followed by Enter, keys sent by tmux or held down): here the current value and props live in refs, so every key
 * of a burst builds on the one before.
 */
export function TextField(props: TextFieldProps) {
	const latest = useRef(props);
	latest.current = props;
	const value = useRef(props.value);
	// The parent may replace the value (another field, a reset): follow it when it is not our own last edit.
	if (props.value !== value.current) value.current = props.value;
	useKeys((input, key) => {
		const {onChange, onSubmit} = latest.current;
		if (key.return) {
			onSubmit(value.current);
			return;
		}

		if (key.backspace || key.delete) {
			value.current = value.current.slice(0, -1);
			onChange(value.current);
			return;
		}

		if (key.ctrl && input === 'u') {
			value.current = '';
			onChange('');
			return;
		}

		if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
		// Ink hands a run of plain bytes over as one input: replay it key by key (DEL and ^H delete, CR submits).
		let submit = false;
		for (const char of input) {
			if (char === '\u007F' || char === '\b') value.current = [...value.current].slice(0, -1).join('');
			else if (char === '\u0015') value.current = '';
			else if (char === '\r' || char === '\n') submit = true;
			else if (char >= ' ') value.current += char;
			if (submit) break;
		}

		onChange(value.current);
		if (submit) onSubmit(value.current);
	}, props.focus);
	return (
		<Text>
			{props.hidden ? '*'.repeat([...props.value].length) : props.value}
			{props.focus ? <Text inverse> </Text> : null}
		</Text>
	);
}
