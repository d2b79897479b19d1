import {readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {escapeForSingleQuotes, shellQuote} from '../../domain/params/shell-quote.js';
import {launchCommand} from '../launch-command.js';

/** The boot id of the running kernel (TOMESH_SETUP_BOOT_ID_FILE overrides the file, for tests); '' when unreadable. */
export function currentBootId(env: NodeJS.ProcessEnv = process.env): string {
	try {
		return readFileSync(env.TOMESH_SETUP_BOOT_ID_FILE || '/proc/sys/kernel/random/boot_id', 'utf8').trim();
	} catch {
		return '';
	}
}

/** The login reminder file (TOMESH_SETUP_PROFILE_DIR overrides /etc/profile.d, for tests). */
export function reminderFile(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(env.TOMESH_SETUP_PROFILE_DIR || '/etc/profile.d', 'tomesh-setup-resume.sh');
}

/** The command that reboots the machine (TOMESH_SETUP_REBOOT_COMMAND overrides `systemctl reboot`, e.g. `true` in tests). */
export function rebootCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env.TOMESH_SETUP_REBOOT_COMMAND || 'systemctl reboot';
}

/**
 * The command that continues this run after the reboot: the same directory, the same flags (`--doc`, `--state`,
 * `--only` … point at the same documents and progress), started the same way (`launchCommand`), and `sudo` when the
 * run came through sudo. Words are single-quoted where the shell would otherwise read them.
 */
export function resumeCommand(argv: string[] = process.argv.slice(2), cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
	const sudo = env.SUDO_USER && env.SUDO_USER !== 'root' ? 'sudo ' : '';
	// --set values are saved with the progress, and may be private: they are not repeated here.
	const kept = argv.filter((word, index) => !(word === '--set' || word.startsWith('--set=') || argv[index - 1] === '--set'));
	return `cd ${shellQuote(cwd)} && ${sudo}${launchCommand(env)}${kept.map(word => ` ${shellQuote(word)}`).join('')}`;
}

/** Leaves a one-line reminder shown at the next login: the setup is not finished, and how to continue it. */
export function writeReminder(env: NodeJS.ProcessEnv = process.env, resume = resumeCommand(undefined, undefined, env)): string {
	const file = reminderFile(env);
	mkdirSync(path.dirname(file), {recursive: true});
	const message = `tomesh-setup: the server rebooted during setup; to continue: ${resume}`;
	writeFileSync(file, `printf '%s\\n' '${escapeForSingleQuotes(message)}'\n`, {mode: 0o644});
	return file;
}

/** Removes the login reminder (nothing happens when it is not there). */
export function removeReminder(env: NodeJS.ProcessEnv = process.env): void {
	rmSync(reminderFile(env), {force: true});
}
