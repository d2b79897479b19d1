import {readFileSync, rmSync} from 'node:fs';
import {readNoFollow} from '../../store/safe-files.js';
import path from 'node:path';
import {reduceStep} from '../../domain/step-state.js';
import type {ProgressStore} from '../../store/progress-store.js';
import {removeReminder} from './reboot.js';
import {lockHolder} from '../run-lock.js';

/**
 * Brings saved progress up to date with what happened while no run was watching, and returns whether the server
 * rebooted since progress was last saved:
 * - a step left `running` by a killed run becomes `interrupted` (unless a live run holds the lock: it is running);
 * - a pending reboot whose boot id differs from this boot is done: the step is marked done and the login reminder removed.
 * - a command a killed run left running (its process group still alive) is ended, so that the re-run does not race it
 *   (e.g. for the dpkg lock);
 * Saves only when something changed, so a read-only command on an up-to-date state writes nothing.
 */
export function reconcileAtStart(store: ProgressStore, bootId: string, env: NodeJS.ProcessEnv = process.env): boolean {
	const data = store.read();
	const rebooted = data.bootId !== undefined && bootId !== '' && data.bootId !== bootId;
	let changed = false;
	if (lockHolder(store.directory) === undefined) {
		endLeftovers(path.join(store.directory, 'running.pid'));
		for (const [id, record] of Object.entries(data.steps)) {
			if (record.status !== 'running') continue;
			data.steps[id] = reduceStep(record, {type: 'interrupt'});
			changed = true;
		}
	}

	// Without a readable boot id a new start is taken as the reboot: asking for it again would loop forever.
	if (data.reboot && (bootId === '' || data.reboot.bootId === '' || data.reboot.bootId !== bootId)) {
		data.steps[data.reboot.step] = reduceStep(data.steps[data.reboot.step], {type: 'reboot-complete', at: new Date().toISOString()});
		delete data.reboot;
		removeReminder(env);
		changed = true;
	}

	// The saved boot id is left as it is: it changes when a step next runs, so every start until then knows of the reboot.
	if (changed) store.write(data);
	return rebooted;
}

// Ends the process group named by `file` only when its leader is still one of our session commands (the pid may
// have been reused by then).
function endLeftovers(file: string): void {
	let pid: number;
	try {
		pid = Number.parseInt(readNoFollow(file, 64), 10);
		rmSync(file, {force: true});
	} catch {
		return;
	}

	try {
		if (!Number.isInteger(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tomesh-session-')) return;
		process.kill(-pid, 'SIGTERM');
	} catch {
		// Already gone.
	}
}
