import {Box, Text} from 'ink';
import {diffGutter, wrapLines} from '../../domain/output/wrap-lines.js';

/** Longest diff shown (a screen scrolls through it); the rest is summarised (`plan` shows everything). */
const maxLines = 400;

/**
 * A unified diff (already masked by the engine), coloured: additions green, removals red, hunks cyan. Lines longer
 * than `width` are wrapped here, each continuation row keeping its `+`/`-` gutter, so a wrapped line still reads
 * as added or removed.
 */
export function DiffView({diff, width = 78}: {diff: string; width?: number}) {
	if (diff === '') return <Text dimColor>  (no change: the file already looks like this)</Text>;
	const lines = diff.replace(/\n$/, '').split('\n');
	const shown = lines.slice(0, maxLines);
	// Two columns go to the indentation.
	const room = Math.max(width - 2, 10);
	return (
		<Box flexDirection="column" paddingLeft={2}>
			{shown.flatMap((line, i) =>
				wrapLines([line], room, diffGutter).map((row, j) => (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={`${i}.${j}`} wrap="truncate" {...lineStyle(line)}>
						{row === '' ? ' ' : row}
					</Text>
				)),
			)}
			{lines.length > maxLines ? <Text dimColor>… {lines.length - maxLines} more lines (see `tomesh-setup plan`)</Text> : null}
		</Box>
	);
}

function lineStyle(line: string): {color?: string; bold?: boolean; dimColor?: boolean} {
	if (line.startsWith('+++') || line.startsWith('---')) return {bold: true};
	if (line.startsWith('+')) return {color: 'green'};
	if (line.startsWith('-')) return {color: 'red'};
	if (line.startsWith('@@')) return {color: 'cyan'};
	if (line.startsWith('=') || line.startsWith('Index:')) return {dimColor: true};
	return {};
}
