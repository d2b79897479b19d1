// Engine options for tests that open the engine in-process: everything in a temporary directory.
import path from 'node:path';
import type {EngineOptions} from '../../source/engine/engine-options.js';

/** Options whose state, log, boot id, profile.d and reboot command all live under `root`. */
export function testEngineOptions(root: string, extra: Partial<EngineOptions> = {}): EngineOptions {
	const env = {...process.env};
	delete env.SUDO_USER;
	return {
		values: {},
		stateDir: path.join(root, 'state'),
		logDir: path.join(root, 'state'),
		timeoutMs: 10_000,
		resumeCommand: 'npx tomesh-setup',
		env,
		system: {bootIdFile: path.join(root, 'boot_id'), profileDir: path.join(root, 'profile.d'), rebootCommand: 'true'},
		...extra,
	};
}
