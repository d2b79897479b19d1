import type {Action} from '../types.js';

/** One-line description of an action, for events and logs. */
export function describeAction(action: Action): string {
	switch (action.kind) {
		case 'run': {
			return `run as ${action.as}: ${action.command.split('\n')[0]}${action.command.includes('\n') ? ' …' : ''}`;
		}

		case 'write': {
			return `write ${action.path}`;
		}

		case 'edit': {
			return `edit ${action.path} (${action.edit.op})`;
		}

		case 'reboot': {
			return 'reboot the server';
		}

		case 'manual': {
			return `by hand: ${action.text.split('\n')[0]}`;
		}
	}
}
