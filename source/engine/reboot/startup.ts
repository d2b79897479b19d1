import path from 'node:path';
import type {StepTransition} from '../../domain/step-state.js';
import type {ProgressStore} from '../../store/progress-store.js';
import {backupDirectory} from '../../store/state-directory.js';
import {recordSteps} from '../record-step.js';
import {removeReminder} from './reboot.js';
import {lockHolder} from '../run-lock.js';
import {removeLeftovers} from '../backup/leftovers.js';
import {endLeftoverCommand} from '../process/end-leftover-command.js';

/** What the start found: whether the server rebooted since progress was last saved, and what the operator is told. */
export interface StartFindings {
	rebooted: boolean;
	notices: string[];
}

/**
 * Brings saved progress up to date with what happened while no run was watching:
 * - a step left `running` by a killed run becomes `interrupted` (unless a live run holds the lock: it is running);
 * - a pending reboot whose boot id differs from this boot is done: the step is marked done and the login reminder removed.
 * - a command a killed run left running (its process group still alive) is ended and waited for, and the operator told,
 *   so that the re-run does not race it (e.g. for the dpkg lock), and the temporary files killed runs left are removed (see removeLeftovers);
 * Saves only when something changed, so a read-only command on an up-to-date state writes nothing.
 */
export function reconcileAtStart(store: ProgressStore, bootId: string, profileDir: string): StartFindings {
	const data = store.read();
	const rebooted = data.bootId !== undefined && bootId !== '' && data.bootId !== bootId;
	const changes: Array<[string, StepTransition]> = [];
	const notices: string[] = [];
	if (lockHolder(store.directory) === undefined) {
		const ended = endLeftoverCommand(path.join(store.directory, 'running.pid'));
		if (ended) notices.push(ended);
		removeLeftovers(backupDirectory(store.directory));
		for (const [id, record] of Object.entries(data.steps)) if (record.status === 'running') changes.push([id, {type: 'interrupt'}]);
	}

	// Without a readable boot id a new start is taken as the reboot: asking for it again would loop forever.
	const reboot = data.reboot;
	const rebootDone = reboot !== undefined && (bootId === '' || reboot.bootId === '' || reboot.bootId !== bootId);
	if (rebootDone) {
		changes.push([reboot.step, {type: 'reboot-complete', at: new Date().toISOString()}]);
		removeReminder(profileDir);
	}

	// The saved boot id is left as it is: it changes when a step next runs, so every start until then knows of the reboot.
	if (changes.length > 0) {
		recordSteps(store, changes, saved => {
			if (rebootDone) delete saved.reboot;
		});
	}

	return {rebooted, notices};
}
