import {Box, Text} from 'ink';

/** One key and what it does. */
export interface KeyHint {
	key: string;
	label: string;
}

/** The keys of a screen, wrapped to the terminal width (readable at 60 columns). */
export function KeyFooter({keys}: {keys: KeyHint[]}) {
	return (
		<Box flexWrap="wrap" columnGap={2} marginTop={1}>
			{keys.map(k => (
				<Text key={k.key}>
					<Text bold inverse>{` ${k.key} `}</Text>
					<Text> {k.label}</Text>
				</Text>
			))}
		</Box>
	);
}
