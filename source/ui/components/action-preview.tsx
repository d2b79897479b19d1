import {Box, Text} from 'ink';
import {describeAptSummary, type AptSummary} from '../../domain/apt/apt-simulation.js';
import type {PreviewedAction} from '../../engine/controller-types.js';
import {DiffView} from './diff-view.js';

/** What one action will do here and now: the exact command (root or user), the exact diff, or what to do by hand. */
export function ActionPreview({preview, width}: {preview: PreviewedAction; width?: number}) {
	const {action} = preview;
	return (
		<Box flexDirection="column" marginBottom={action.kind === 'run' ? 0 : 1}>
			{body(preview, width)}
			{preview.apt ? <AptLines summary={preview.apt} /> : null}
			{preview.problem ? <Text color="yellow">  ⚠ {preview.problem}</Text> : null}
		</Box>
	);
}

// apt's simulation under its command; removals stand out (they are confirmed a second time).
function AptLines({summary}: {summary: AptSummary}) {
	return (
		<Box flexDirection="column" paddingLeft={2}>
			{describeAptSummary(summary).map(line => (
				<Text key={line} {...(line.startsWith('REMOVE') ? {color: 'red', bold: true} : {dimColor: !line.startsWith('apt cannot'), color: line.startsWith('apt cannot') ? 'yellow' : undefined})}>
					{`apt -s: ${line}`}
				</Text>
			))}
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
