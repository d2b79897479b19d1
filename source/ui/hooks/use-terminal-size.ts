import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** Columns and rows of the terminal. */
export interface TerminalSize {
	columns: number;
	rows: number;
}

/**
 * The terminal's size, kept current: a resize (an SSH client's window, a tmux split) renders the screen again, which
 * Ink alone does not do for sizes a component computed from.
 */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout.columns > 0 ? stdout.columns : 80, rows: stdout.rows > 0 ? stdout.rows : 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			const next = read();
			setSize(current => (current.columns === next.columns && current.rows === next.rows ? current : next));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
