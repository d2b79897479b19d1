import {readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {escapeForSingleQuotes} from '../../domain/params/shell-quote.js';

/** The boot id of the running kernel, read from `file`; '' when unreadable. */
export function currentBootId(file: string): string {
	try {
		return readFileSync(file, 'utf8').trim();
	} catch {
		return '';
	}
}

/** The login reminder file in `profileDir` (/etc/profile.d). */
export function reminderFile(profileDir: string): string {
	return path.join(profileDir, 'tomesh-setup-resume.sh');
}

/**
 * Leaves a one-line reminder shown at the next login: the setup is not finished, and how to continue it. Only root and
 * `user` (the sudo user who ran the setup) see it: other people logging in have nothing to continue.
 */
export function writeReminder(profileDir: string, resume: string, user?: string): string {
	const file = reminderFile(profileDir);
	mkdirSync(path.dirname(file), {recursive: true});
	const message = `tomesh-setup: the server rebooted during setup; to continue: ${resume}`;
	const who = `[ "$(id -u)" = 0 ]${user ? ` || [ "$(id -un)" = '${escapeForSingleQuotes(user)}' ]` : ''}`;
	writeFileSync(file, `if ${who}; then printf '%s\\n' '${escapeForSingleQuotes(message)}'; fi\n`, {mode: 0o644});
	return file;
}

/** Removes the login reminder (nothing happens when it is not there). */
export function removeReminder(profileDir: string): void {
	rmSync(reminderFile(profileDir), {force: true});
}
