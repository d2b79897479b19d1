// The environment every bench starts the CLI in: the one `sudo tomesh-setup` gives it. sudo's default env_reset keeps
// only a short list of variables (the terminal, the locale) and sets PATH, HOME, USER, LOGNAME and SHELL; whatever
// else the bench's own shell has is not what an operator's tool starts with. It matters: with NODE_EXTRA_CA_CERTS
// (set by the development machine's shell for its package proxy) Node parses every certificate of that file as it
// starts, which made `node -e 0` take 126 ms instead of 40 and `--help` 126 instead of 70 there (the TUI's first
// frame, which runs longer, overlapped most of it); NODE_OPTIONS can add anything.
import os from 'node:os';

// What sudo keeps (Debian's default env_keep and env_reset) and what it sets, for root's own session. SUDO_* are left
// out: the benches measure root's session, not one run for a sudo user (a different home).
const kept = ['PATH', 'HOME', 'TERM', 'LANG', 'LANGUAGE', 'USER', 'LOGNAME', 'SHELL', 'MAIL', 'COLORS', 'LS_COLORS'];

/** The variables of `from` that sudo would pass on, plus `extra` (the bench's own settings). */
export function operatorEnvironment(extra = {}, from = process.env) {
	const env = {};
	for (const [name, value] of Object.entries(from)) {
		if (value !== undefined && (kept.includes(name) || name.startsWith('LC_'))) env[name] = value;
	}

	env.HOME ??= os.homedir();
	return {...env, ...extra};
}

/** The names of the shell's variables that the benches leave out and that change how Node starts (for the report). */
export function droppedNodeVariables(from = process.env) {
	return Object.keys(from).filter(name => name.startsWith('NODE_') && from[name]);
}
