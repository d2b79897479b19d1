import {Box, Text} from 'ink';
import type {PreviewedAction} from '../../engine/controller-types.js';
import {DiffView} from './diff-view.js';

/** What one action will do here and now: the exact command (root or user), the exact diff, or what to do by hand. */
export function ActionPreview({preview, width}: {preview: PreviewedAction; width?: number}) {
	const {action} = preview;
	return (
		<Box flexDirection="column" marginBottom={action.kind === 'run' ? 0 : 1}>
			{body(preview, width)}
			{preview.problem ? <Text color="yellow">  ⚠ {preview.problem}</Text> : null}
		</Box>
	);
}

function body(preview: PreviewedAction, width?: number) {
	const {action} = preview;
	switch (action.kind) {
		case 'run': {
			const who = action.as === 'root' ? 'root' : 'user';
			return (
				<Text>
					<Text color={who === 'root' ? 'red' : 'blue'}>{`[${who}] `}</Text>
					<Text bold>{`${action.as === 'root' ? '#' : '$'} ${preview.command ?? action.command}`}</Text>
					{action.unless ? <Text dimColor>{`  (skipped when \`${action.unless}\` succeeds)`}</Text> : null}
				</Text>
			);
		}

		case 'write':
		case 'edit': {
			return (
				<>
					<Text>
						<Text color="magenta">{action.kind === 'write' ? '[write] ' : '[edit] '}</Text>
						<Text bold>{preview.path ?? action.path}</Text>
					</Text>
					{preview.diff === undefined ? null : <DiffView diff={preview.diff} width={width} />}
				</>
			);
		}

		case 'reboot': {
			return (
				<Text color="yellow">
					[reboot] The server restarts. Progress is saved first; log in again and run the command the login
					message gives to continue with the next step.
				</Text>
			);
		}

		case 'manual': {
			return (
				<>
					<Text>
						<Text color="cyan">[by hand] </Text>
						{action.text}
					</Text>
					{action.path ? <Text dimColor>{`  file: ${preview.path ?? action.path} (press e to open it)`}</Text> : null}
					{action.code ? (
						<Box paddingLeft={2} flexDirection="column">
							{action.language ? <Text dimColor>{action.language}:</Text> : null}
							<Text>{action.code.replace(/\n$/, '')}</Text>
						</Box>
					) : null}
				</>
			);
		}
	}
}
