import {Text} from 'ink';
import {silenceText} from '../../domain/output/silence.js';

/** " — no output for N s (still running)" after a running step's title, when its command has been quiet that long. */
export function SilenceNote({seconds}: {seconds?: number}) {
	return seconds === undefined ? null : <Text color="yellow">{` — ${silenceText(seconds)}`}</Text>;
}
