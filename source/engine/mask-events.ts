import type {RunEvent, RunListener} from '../domain/events.js';
import {maskSecrets} from '../domain/secrets.js';
import {maskDeep, type Masker} from '../domain/secrets/masker.js';

/**
 * A listener that hands `listener` every event with secrets masked: known values everywhere, and in command output
 * also the values of secret-looking keys (output may print secrets the documents never named).
 */
export function maskedListener(listener: RunListener | undefined, masker: Masker): RunListener {
	if (!listener) return () => undefined;
	const mask = (text: string) => masker.mask(text);
	return (event: RunEvent) => {
		switch (event.type) {
			case 'output': {
				listener({...event, text: mask(maskSecrets(event.text))});
				return;
			}

			case 'step-start': {
				listener({...event, title: mask(event.title)});
				return;
			}

			case 'action-start': {
				listener({...event, description: mask(event.description), action: maskDeep(event.action, mask)});
				return;
			}

			case 'check': {
				listener({...event, result: maskDeep(event.result, mask)});
				return;
			}

			default: {
				listener(maskDeep(event, mask));
			}
		}
	};
}
