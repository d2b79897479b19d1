// The environment every bench starts the CLI in: the one `sudo tomesh-setup` gives it. sudo's default env_reset keeps
// only a short list of variables (the terminal, the locale) and sets PATH, HOME, USER, LOGNAME and SHELL; whatever
// else the bench's own shell has is not what an operator's tool starts with. It matters: Node reads and parses every
// certificate named by NODE_EXTRA_CA_CERTS before running a line of the CLI (about 95 ms on the development
// machine, whose shell sets it for its package proxy), and NODE_OPTIONS can add anything.
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
