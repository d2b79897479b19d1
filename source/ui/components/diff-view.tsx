import {Box, Text} from 'ink';

/** Longest diff shown in full; the rest is summarised (`plan` shows everything). */
const maxLines = 60;

/** A unified diff (already masked by the engine), coloured: additions green, removals red, hunks cyan. */
export function DiffView({diff}: {diff: string}) {
	if (diff === '') return <Text dimColor>  (no change: the file already looks like this)</Text>;
	const lines = diff.replace(/\n$/, '').split('\n');
	const shown = lines.slice(0, maxLines);
	return (
		<Box flexDirection="column" paddingLeft={2}>
			{shown.map((line, i) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={i} {...lineStyle(line)}>
					{line === '' ? ' ' : line}
				</Text>
			))}
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
