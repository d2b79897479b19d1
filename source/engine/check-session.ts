import os from 'node:os';
import {cwdAfter, predictCwd} from '../domain/predict-cwd.js';
import type {Runbook, Step} from '../domain/types.js';
import type {Session} from './session.js';

/**
 * Where a step's checks run outside a run (verify, checkStep): the directory its commands leave, predicted from the
 * `cd`s of the runbook up to and including it, with the runbook's saved environment. When the prediction depends on a
 * variable or on quoting, the runbook's saved session is used as it is.
 */
export function checkSession(runbook: Runbook, step: Step, saved: Session, resolve: (step: Step) => Step): Session {
	const resolved = {...runbook, steps: runbook.steps.map(item => resolve(item))};
	const index = runbook.steps.indexOf(step);
	const home = os.homedir();
	let cwd = predictCwd(resolved, index, {cwd: process.cwd(), home});
	for (const action of resolved.steps[index]!.actions) if (action.kind === 'run') cwd = cwdAfter(action.command, cwd, home);
	return /[$'"`\\]/.test(cwd) ? saved : {...saved, cwd};
}
