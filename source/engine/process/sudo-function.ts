// Documents write `sudo CMD` and `sudo -u USER CMD`. The tool is already root, and many servers have no sudo at all:
// a shell function named sudo runs the command itself — as USER through runuser (util-linux, always there) — and
// hands over to the real sudo only when the shell is not root. Arguments pass through as "$@": a value given by
// reference ("$TS_PARAM_…") stays one word, never read as code again.
const definition = [
	'sudo() {',
	'if [ "$EUID" != 0 ]; then command sudo "$@"; return; fi;',
	'local __tomesh_user= __tomesh_group=;',
	'while [ $# -gt 0 ]; do case $1 in',
	'-u|--user) __tomesh_user=$2; shift 2 || return 2;;',
	'-u?*) __tomesh_user=${1#-u}; shift;;',
	'--user=*) __tomesh_user=${1#--user=}; shift;;',
	'-g|--group) __tomesh_group=$2; shift 2 || return 2;;',
	'-g?*) __tomesh_group=${1#-g}; shift;;',
	'--group=*) __tomesh_group=${1#--group=}; shift;;',
	'-H|-E|-n|-k|-S|-P|--set-home|--preserve-env|--preserve-env=*|--non-interactive|--reset-timestamp|--stdin) shift;;',
	'--) shift; break;;',
	String.raw`-*) printf '%s\n' "sudo: option $1 is not supported here: the tool runs the command itself (through runuser)" >&2; return 1;;`,
	'*) break;;',
	'esac; done;',
	String.raw`if [ $# -eq 0 ]; then printf '%s\n' 'sudo: no command given' >&2; return 1; fi;`,
	`case $__tomesh_user in '#'*) __tomesh_user=$(getent passwd "\${__tomesh_user#?}" | cut -d: -f1);; esac;`,
	'if [ -z "$__tomesh_user$__tomesh_group" ]; then env -- "$@";',
	'else runuser -u "${__tomesh_user:-root}" ${__tomesh_group:+-g "$__tomesh_group"} -- env -- "$@"; fi;',
	'}',
].join(' ');

/** The bash function (one line) that makes `sudo [-u USER] CMD` work as root without sudo; see above. */
export const sudoFunction = definition;

/** `command` preceded by the sudo function, for a bash that runs it with `-c`. */
export function withSudoFunction(command: string): string {
	return `${sudoFunction}\n${command}`;
}
