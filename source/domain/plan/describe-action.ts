import type {Action} from '../types.js';

// The first line of a text that says something, and ` …` when more lines follow: a description is one line, never
// empty after its prefix (a screen's action history shows one line per action, without blank lines).
function firstLine(text: string): string {
	for (let start = 0; start < text.length; ) {
		const next = text.indexOf('\n', start);
		const end = next === -1 ? text.length : next;
		const line = text.slice(start, end).trim();
		// Scanned line by line, not split: a command can be a code block of megabytes.
		if (line !== '') return text.slice(end).trim() === '' ? line : `${line} …`;
		start = end + 1;
	}

	return '';
}

/** One-line description of an action, for events and logs. */
export function describeAction(action: Action): string {
	switch (action.kind) {
		case 'run': {
			return `run as ${action.as}: ${firstLine(action.command)}`;
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
			return `by hand: ${firstLine(action.text)}`;
		}
	}
}
