import {existsSync} from 'node:fs';
import {checkSavedValues} from '../domain/params/parameters.js';
import type {Parameter} from '../domain/types.js';
import {stateDirectory, stateFile} from '../store/state-directory.js';

/**
 * The parameter values the operator saved (the walkthrough's form), for a command that only reads: none when there
 * is no state here or it cannot be read (a plan needs no progress; `status` and `run` report a bad state).
 */
export async function savedValues(state: string | undefined, parameters: Parameter[]): Promise<Record<string, string>> {
	const directory = stateDirectory(state);
	if (!existsSync(stateFile(directory))) return {};
	try {
		// conf is loaded only when there is a state to read: a plan on a fresh machine stays quick.
		const {ProgressStore} = await import('../store/progress-store.js');
		const store = new ProgressStore(directory);
		return checkSavedValues(parameters, store.read().values, store.file);
	} catch {
		return {};
	}
}
