import {existsSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../domain/types.js';
import {describeError, ensurePrivateDirectory, writeNoFollow} from '../store/safe-files.js';

/**
 * The environment of a headless (`--yes`) run: debconf does not ask, apt assumes yes and keeps changed config files,
 * via an APT_CONFIG file written to the state directory (it includes /etc/apt/apt.conf so local settings still apply),
 * never through a link.
 */
export function assumeYesEnvironment(stateDir: string): Record<string, string> {
	const file = path.join(stateDir, 'apt-assume-yes.conf');
	const lines = [
		...(existsSync('/etc/apt/apt.conf') ? ['#include "/etc/apt/apt.conf";'] : []),
		'APT::Get::Assume-Yes "true";',
		'Dpkg::Options { "--force-confdef"; "--force-confold"; };',
		'',
	];
	ensurePrivateDirectory(stateDir);
	try {
		writeNoFollow(file, lines.join('\n'), {mode: 0o644});
	} catch (error) {
		throw new InputError(`cannot write ${file}: ${describeError(error)}`, '--state');
	}

	return {DEBIAN_FRONTEND: 'noninteractive', APT_CONFIG: file, NEEDRESTART_MODE: 'a'};
}
