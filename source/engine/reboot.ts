import {readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';

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

/** Leaves a one-line reminder shown at the next login: the setup is not finished. */
export function writeReminder(env: NodeJS.ProcessEnv = process.env): string {
	const file = reminderFile(env);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, "echo 'tomesh-setup: the server rebooted during setup; run `sudo npx tomesh-setup` to continue'\n", {mode: 0o644});
	return file;
}

/** Removes the login reminder (nothing happens when it is not there). */
export function removeReminder(env: NodeJS.ProcessEnv = process.env): void {
	rmSync(reminderFile(env), {force: true});
}
