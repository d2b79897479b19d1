import {existsSync} from 'node:fs';
import {chmod, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** Whether systemd runs this machine (sd_booted's test): false in containers, LXC/OpenVZ guests, WSL, CI sandboxes. */
export function systemdRunning(root = '/'): boolean {
	return existsSync(path.join(root, 'run/systemd/system'));
}

/** What the plan and the walkthrough say, once, when a document's systemctl commands go to init scripts. */
export const noSystemdNote = 'systemd is not running here: systemctl start|stop|restart|reload|enable --now UNIT runs /etc/init.d/UNIT through service';

/** Whether a command calls systemctl (and so is affected by the fallback). */
export const usesSystemctl = (command: string) => /(?:^|[\s;&|(`])systemctl\s/.test(command);

// Documents say `systemctl restart nginx`; without systemd the same unit has an init script that `service` runs.
const shim = `#!/bin/sh
# tomesh-setup: systemd is not PID 1 here, so the unit's /etc/init.d script runs through service.
now=
verb=
units=
for arg in "$@"; do
	case $arg in
		--now) now=1 ;;
		-*) ;;
		*) if [ -z "$verb" ]; then verb=$arg; else units="$units $arg"; fi ;;
	esac
done
run() {
	if command -v service >/dev/null 2>&1; then service "$1" "$2"; else "/etc/init.d/$1" "$2"; fi
}
case $verb in daemon-reload|daemon-reexec|reset-failed) exit 0 ;; esac
[ -n "$units" ] || { echo "systemctl $verb: no unit given (systemd is not running here)" >&2; exit 1; }
for unit in $units; do
	name=\${unit%.service}
	if [ ! -x "/etc/init.d/$name" ]; then
		echo "systemctl $verb $unit: systemd is not running here and /etc/init.d/$name does not exist" >&2
		exit 1
	fi
	case $verb in
		start|stop|restart|reload|force-reload|status) run "$name" "$verb" || exit $? ;;
		try-restart|reload-or-restart|try-reload-or-restart) run "$name" restart || exit $? ;;
		enable|disable)
			if command -v update-rc.d >/dev/null 2>&1; then update-rc.d "$name" "$([ "$verb" = enable ] && echo defaults || echo disable)" >/dev/null 2>&1 || true; fi
			if [ -n "$now" ]; then run "$name" "$([ "$verb" = enable ] && echo start || echo stop)" || exit $?; fi ;;
		is-active) if run "$name" status >/dev/null 2>&1; then echo active; else echo inactive; exit 3; fi ;;
		is-enabled) if ls /etc/rc[2-5].d/S*"$name" >/dev/null 2>&1; then echo enabled; else echo disabled; exit 1; fi ;;
		*) echo "systemctl $verb: not available without systemd" >&2; exit 1 ;;
	esac
done
`;

/** Writes the systemctl stand-in into `directory`/bin and returns that bin directory (to go first in PATH). */
export async function writeSystemctlShim(directory: string): Promise<string> {
	const bin = path.join(directory, 'bin');
	await mkdir(bin, {recursive: true});
	await writeFile(path.join(bin, 'systemctl'), shim);
	await chmod(path.join(bin, 'systemctl'), 0o755);
	return bin;
}
