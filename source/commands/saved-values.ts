import {existsSync} from 'node:fs';
import {checkSavedValues} from '../domain/params/parameters.js';
import type {Parameter} from '../domain/types.js';
import {checkPrivateDirectory, isLink} from '../store/safe-files.js';
import {stateDirectory, stateFile} from '../store/state-directory.js';

/**
 * The parameter values the operator saved (the walkthrough's form), for a command that only reads: none when there
 * is no state yet. A state that run and status refuse (a file or a link named as the directory, a directory others
 * can write, a corrupt or tampered state file) is refused here too, with the same one line and exit 2: a plan that
 * quietly left the saved values out would not be the plan of what run does.
 */
export async function savedValues(state: string | undefined, parameters: Parameter[]): Promise<Record<string, string>> {
	const directory = stateDirectory(state);
	if (!existsSync(directory) && !isLink(directory)) return {};
	checkPrivateDirectory(directory);
	if (!existsSync(stateFile(directory)) && !isLink(stateFile(directory))) return {};
	// conf is loaded only when there is a state to read: a plan on a fresh machine stays quick.
	const {ProgressStore} = await import('../store/progress-store.js');
	const store = new ProgressStore(directory);
	return checkSavedValues(parameters, store.read().values, store.file);
}
