/** One-line, human descriptions of checks for the step screen. */
import type {Check} from '../domain/types.js';

/** "runs `nginx -t` (as root), expects: …", "file /etc/x contains …", and so on. */
export function describeCheck(check: Check): string {
	if (check.title) return check.title;
	switch (check.kind) {
		case 'command': {
			const expect = check.expect?.length ? ` → expects ${check.expect.join(' / ')}` : ' → exits 0';
			return `${check.as === 'root' ? '#' : '$'} ${check.command}${expect}`;
		}

		case 'file': {
			if (check.equals !== undefined) return `${check.path} has the content shown`;
			return check.contains?.length ? `${check.path} contains ${check.contains.join(', ')}` : `${check.path} exists`;
		}

		case 'http': {
			return `${check.url} answers${check.status ? ` ${check.status}` : ''}${check.contains ? ` with “${check.contains}”` : ''}`;
		}

		case 'port': {
			return `${check.host}:${check.port} accepts connections`;
		}

		case 'matrix': {
			return `Matrix server ${check.serverName} federates and serves clients${check.web ? ` (web client ${check.web})` : ''}`;
		}
	}
}
