// Variables a shell or a program reads as code or as where to load code from: one of these in a saved session would
// run whatever it names in every later root command.
const exact = new Set([
	'BASH_ENV',
	'ENV',
	'IFS',
	'PROMPT_COMMAND',
	'SHELLOPTS',
	'BASHOPTS',
	'PS4',
	'BASH_XTRACEFD',
	'GLOBIGNORE',
	'CDPATH',
	'EXECIGNORE',
	'HISTFILE',
	'INPUTRC',
	'GCONV_PATH',
	'HOSTALIASES',
	'LOCALDOMAIN',
	'RES_OPTIONS',
	'PERL5OPT',
	'PERL5LIB',
	'PERLLIB',
	'PYTHONSTARTUP',
	'PYTHONINSPECT',
	'RUBYOPT',
	'NODE_OPTIONS',
	'GIT_EXEC_PATH',
	'GIT_SSH',
	'GIT_SSH_COMMAND',
	'EDITOR',
	'VISUAL',
	'PAGER',
	'SUDO_ASKPASS',
	'APT_CONFIG',
]);
const prefixes = ['LD_', 'BASH_FUNC_', 'TS_PARAM_', 'MALLOC_', 'GLIBC_', 'DYLD_'];

/** Whether a variable must never be carried from one command to the next through saved state (see above). */
export function isUnsafeVariable(name: string): boolean {
	return exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix)) || !/^[A-Za-z_]\w*$/.test(name);
}

/** A PATH is kept only when every entry is an absolute directory (an empty or relative entry searches the cwd). */
export function isSafePath(value: string): boolean {
	return value.split(':').every((entry) => entry.startsWith('/') && !entry.split('/').includes('..'));
}

/** The saved-session variable that makes `env` unsafe to use, or undefined when every one is acceptable. */
export function unsafeSavedVariable(env: Record<string, string>): string | undefined {
	return Object.entries(env).find(([name, value]) => isUnsafeVariable(name) || (name === 'PATH' && !isSafePath(value)))?.[0];
}

/** `env` without the variables that must not be saved (what a session keeps of what its commands exported). */
export function safeSessionEnvironment(env: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(env).filter(([name, value]) => !isUnsafeVariable(name) && (name !== 'PATH' || isSafePath(value))));
}
