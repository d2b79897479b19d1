import type {Action, ShellUser} from '../types.js';

/**
 * Words that start a shell command in these documents. Used to tell a command written without a prompt, or as
 * inline code in prose, from a name or a value (`enable_registration`, `True`, `VERSION`). Interactive programs
 * (psql, a bare `su`) are deliberately absent: a step that needs them is done by hand.
 */
export const commandWords: ReadonlySet<string> = new Set([
	'apt', 'apt-get', 'aptitude', 'dpkg', 'sudo', 'synctl', 'ufw', 'service', 'systemctl', 'chmod', 'chown', 'chgrp',
	'cp', 'mv', 'ln', 'mkdir', 'rm', 'rmdir', 'touch', 'tee', 'echo', 'export', 'source', 'cd', 'nginx', 'certbot',
	'reboot', 'shutdown', 'git', 'npm', 'npx', 'node', 'nvm', 'yarn', 'pip', 'pip3', 'python', 'python2.7', 'python3',
	'virtualenv', 'wget', 'curl', 'tar', 'unzip', 'find', 'dd', 'mkswap', 'swapon', 'swapoff', 'update-rc.d', 'forever',
	'crontab', 'openssl', 'useradd', 'adduser', 'usermod', 'make', 'docker', 'dig', 'mount', 'umount', 'sed',
	'journalctl', 'kill', 'letsencrypt-auto', 'certbot-auto', 'cat', 'ls', 'test',
]);

/** True when a line reads like a shell command: a known command word, an assignment, or a path to a program. */
export function looksLikeCommand(text: string): boolean {
	const first = text.trim().split(/\s+/)[0] ?? '';
	return commandWords.has(first) || /^[A-Za-z_]\w*=\S/.test(first) || /^\.{0,2}\/[\w./-]+$/.test(first);
}

/** `sudo -i`, `sudo -s`, `sudo su`: becoming root, which the tool already is. */
export function isRootShell(text: string): boolean {
	return /^sudo\s+(-i|-s|su(\s+-)?)$/.test(text.trim());
}

// sudo's options that take a value (`-u USER`), so that the value is not read as the command.
const sudoValueOptions = new Set(['-u', '--user', '-g', '--group', '-C', '-h', '-p', '-U', '-r', '-t', '-D', '-R', '-T']);
const shells = /^(?:(?:ba|da|z|k)?sh|su|psql|mysql|mariadb)$/;

/** The words of `sudo [OPTIONS] CMD…` after the options, and whether an option asks for a shell (`-i`, `-s`). */
export function afterSudo(words: string[]): {rest: string[]; shell: boolean} {
	let at = 1;
	let shell = false;
	while (words[at]?.startsWith('-')) {
		if (/^-(?!-)[A-Za-z]*[is]/.test(words[at]!) || words[at] === '--login' || words[at] === '--shell') shell = true;
		at += sudoValueOptions.has(words[at]!) ? 2 : 1;
	}

	return {rest: words.slice(at), shell};
}

/**
 * `sudo -i -u USER`, `sudo -s`, `sudo -u USER` with no command or a bare shell, `sudo su USER`, `psql …`: an
 * interactive session the operator has to drive. `sudo -u USER CMD` is not: it runs CMD as USER.
 */
export function isInteractive(text: string): boolean {
	const trimmed = text.trim();
	if (/^sudo\s+su\s+\w/.test(trimmed) || /^psql\b/.test(trimmed)) return true;
	const words = trimmed.split(/\s+/);
	if (words[0] !== 'sudo') return false;
	const {rest, shell} = afterSudo(words);
	return shell || rest.length === 0 || rest[0] === 'psql' || (rest.length === 1 && shells.test(rest[0]!));
}

// A file name the shell takes as written (its quotes aside): no variable, command, `~`, glob or brace to expand. An
// `echo … >> "$WORK/x"` is the shell's to run: as an edit, its file was `"$WORK/x"`, quotes and all, under the cwd.
const literalPath = String.raw`(?:"([^"$\`\\*?[{~]+)"|'([^']+)'|([\w./@%+=:,-]+))`;

// A line echoed (without expansions) onto the end of such a file: `echo "LINE" >> FILE`, `echo 'LINE' | tee -a FILE`.
const echoedLine = String.raw`^(?:sudo\s+)?echo\s+(?:"([^"$\`\\]*)"|'([^']*)')`;
const echoAppend = new RegExp(String.raw`${echoedLine}\s*>>\s*${literalPath}\s*$`);
const echoTeeAppend = new RegExp(String.raw`${echoedLine}\s*\|\s*(?:sudo\s+)?tee\s+-a\s+${literalPath}\s*(?:>\s*\/dev\/null\s*)?$`);

/**
 * The action a single shell command asks for: nothing for `sudo -i`, a reboot for `(sudo) reboot`, an append-once
 * edit for `echo "LINE" >> FILE` (or `| tee -a FILE`), otherwise a run action (a leading `sudo` dropped: the tool is root;
 * `sudo -u USER CMD` kept, run by root).
 */
export function commandAction(text: string, as: ShellUser, line: number): Action | undefined {
	const command = text.trim();
	if (isRootShell(command)) return undefined;
	if (/^(sudo\s+)?(reboot|shutdown\s+-r\s+now)\s*$/.test(command)) return {kind: 'reboot', line};
	const append = echoAppend.exec(command);
	if (append) return {kind: 'edit', path: append[3] ?? append[4] ?? append[5]!, edit: {op: 'append-line', line: append[1] ?? append[2]!}, line};
	const teeAppend = echoTeeAppend.exec(command);
	if (teeAppend) return {kind: 'edit', path: teeAppend[3] ?? teeAppend[4] ?? teeAppend[5]!, edit: {op: 'append-line', line: teeAppend[1] ?? teeAppend[2]!}, line};
	const sudo = /^sudo\s+([^-\s].*)$/s.exec(command);
	if (sudo) return {kind: 'run', as: 'root', command: sudo[1]!, line};
	// `sudo -u USER CMD`: root starts it and the engine's sudo switches to USER (sudo itself need not be installed).
	if (/^sudo\s+-/.test(command)) return {kind: 'run', as: 'root', command, line};
	return {kind: 'run', as, command, line};
}
