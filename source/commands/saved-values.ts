import {existsSync} from 'node:fs';
import {checkSavedValues} from '../domain/params/parameters.js';
import type {Parameter} from '../domain/types.js';
import {isLink} from '../store/safe-files.js';
import {stateDirectory} from '../store/state-directory.js';

/**
 * The parameter values the operator saved (the walkthrough's form), for a command that only reads: none when there
 * is no state yet. A state that run and status refuse (a file or a link named as the directory, a directory others
 * can write, a corrupt or tampered state file) is refused here too, by the same store, with the same one line and
 * exit 2: a plan that quietly left the saved values out would not be the plan of what run does.
 */
export async function savedValues(state: string | undefined, parameters: Parameter[]): Promise<Record<string, string>> {
	const directory = stateDirectory(state);
	// conf is loaded only when there is a state directory: a plan on a fresh machine stays quick.
	if (!existsSync(directory) && !isLink(directory)) return {};
	const {ProgressStore} = await import('../store/progress-store.js');
	const store = new ProgressStore(directory);
	return checkSavedValues(parameters, store.read().values, store.file);
}
