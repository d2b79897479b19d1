import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

// Apart from the progress store: where the state lives is decided without loading conf (a plan reads saved values
// only when there are some).

/** The default state directory when root (sudo may keep the user's HOME, so not the home directory). */
export const systemStateDirectory = '/var/lib/tomesh-setup';

/** Where progress lives: `--state` / TOMESH_SETUP_STATE, else /var/lib/tomesh-setup as root, else the user's config directory. */
export function stateDirectory(state: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	if (state) return path.resolve(state);
	if (process.getuid?.() === 0) return systemStateDirectory;
	return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'tomesh-setup');
}

/** Where a state directory keeps the backups of the files steps change (one folder per run; see run-backups.ts). */
export function backupDirectory(directory: string): string {
	return path.join(directory, 'backups');
}

/** The state file in a state directory (conf names it after its configName). */
export function stateFile(directory: string): string {
	return path.join(directory, 'progress-v1.json');
}
