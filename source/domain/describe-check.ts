import type {Check} from './types.js';

/**
 * The one-line description of what a check looks at (its annotation title when it has one): the same words before a
 * check runs (step screen, plan) and in its result (verify reports, run reporters). Pure.
 */
export function describeCheck(check: Check): string {
	if (check.title) return check.title;
	switch (check.kind) {
		case 'command': {
			const command = check.command.split('\n')[0]!;
			return check.expect?.length ? `\`${command}\` prints the expected output` : `\`${command}\` succeeds`;
		}

		case 'file': {
			return check.equals === undefined ? (check.contains?.length ? `${check.path} contains ${check.contains.join(', ')}` : `${check.path} exists`) : `${check.path} has the expected content`;
		}

		case 'http': {
			return `${check.url} answers`;
		}

		case 'port': {
			return `port ${check.host}:${check.port} is open`;
		}

		case 'matrix': {
			return `Matrix server ${check.serverName} federates and serves clients`;
		}
	}
}
