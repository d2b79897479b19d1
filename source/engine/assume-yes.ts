import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * The environment of a headless (`--yes`) run: debconf does not ask, apt assumes yes and keeps changed config files,
 * via an APT_CONFIG file written to the state directory (it includes /etc/apt/apt.conf so local settings still apply).
 */
export function assumeYesEnvironment(stateDir: string): Record<string, string> {
	const file = path.join(stateDir, 'apt-assume-yes.conf');
	const lines = [
		...(existsSync('/etc/apt/apt.conf') ? ['#include "/etc/apt/apt.conf";'] : []),
		'APT::Get::Assume-Yes "true";',
		'Dpkg::Options { "--force-confdef"; "--force-confold"; };',
		'',
	];
	mkdirSync(stateDir, {recursive: true, mode: 0o700});
	writeFileSync(file, lines.join('\n'), {mode: 0o644});
	return {DEBIAN_FRONTEND: 'noninteractive', APT_CONFIG: file, NEEDRESTART_MODE: 'a'};
}
