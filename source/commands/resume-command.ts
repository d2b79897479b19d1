import {shellQuote} from '../domain/params/shell-quote.js';
import {launchCommand} from '../launch-command.js';

/**
 * The command that continues this run after a reboot: the same directory, the same flags (`--doc`, `--state`,
 * `--only` … point at the same documents and progress), started the same way (`launchCommand`), and `sudo` when the
 * run came through sudo. Words are single-quoted where the shell would otherwise read them.
 */
export function resumeCommand(argv: string[], cwd: string, env: NodeJS.ProcessEnv): string {
	const sudo = env.SUDO_USER && env.SUDO_USER !== 'root' ? 'sudo ' : '';
	// --set values are saved with the progress, and may be private: they are not repeated here.
	const kept = argv.filter((word, index) => !(word === '--set' || word.startsWith('--set=') || argv[index - 1] === '--set'));
	return `cd ${shellQuote(cwd)} && ${sudo}${launchCommand(env)}${kept.map(word => ` ${shellQuote(word)}`).join('')}`;
}
