import {Box, Text} from 'ink';
import {launchCommand} from '../../launch-command.js';
import {KeyFooter} from '../components/key-footer.js';
import {useKeys} from '../hooks/use-keys.js';

/** Shown when not run as root (and no --state trial): says why and offers the commands that change nothing. */
export function NotRoot({onPlan, onVerify, onQuit}: {onPlan: () => void; onVerify: () => void; onQuit: () => void}) {
	useKeys(input => {
		if (input === 'p') onPlan();
		if (input === 'v') onVerify();
		if (input === 'q') onQuit();
	});
	return (
		<Box flexDirection="column">
			<Text color="yellow" bold>
				tomesh-setup needs root to set up this server.
			</Text>
			<Text>It installs packages and changes files under /etc. Run it again as root:</Text>
			<Text bold>{`  sudo ${launchCommand()}`}</Text>
			<Text>
				Without root you can still see what it would do (plan) or check the server (verify); neither changes
				anything. To try it as a normal user, give it a state directory: --state DIR.
			</Text>
			<KeyFooter
				keys={[
					{key: 'p', label: 'plan'},
					{key: 'v', label: 'verify'},
					{key: 'q', label: 'quit'},
				]}
			/>
		</Box>
	);
}
