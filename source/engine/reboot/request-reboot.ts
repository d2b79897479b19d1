import type {RunListener} from '../../domain/events.js';
import type {StepStatus} from '../../domain/types.js';
import type {ProgressStore} from '../../store/progress-store.js';
import type {AuditLog} from '../audit/audit-log.js';
import type {SystemHooks} from '../engine-options.js';
import {recordSteps} from '../record-step.js';
import {writeReminder} from './reboot.js';
import {runShell} from '../process/run-shell.js';

/**
 * A step reached its reboot action: saves it as awaiting the reboot (with this boot's id, so the next start can tell
 * the reboot happened), leaves the login reminder, and reboots when `confirm` says yes. Resolves to 'awaiting-reboot'.
 */
export async function requestReboot(input: {
	store: ProgressStore;
	stepId: string;
	bootId: string;
	env: NodeJS.ProcessEnv;
	system: SystemHooks;
	/** The command that continues the run after the reboot (for the login reminder). */
	resume: string;
	audit: AuditLog;
	confirm: () => Promise<boolean>;
	emit: RunListener;
}): Promise<StepStatus> {
	const {store, stepId, env, audit} = input;
	recordSteps(store, [[stepId, {type: 'await-reboot', at: new Date().toISOString()}]], data => {
		data.reboot = {step: stepId, bootId: input.bootId};
	});
	const {resume, system} = input;
	writeReminder(system.profileDir, resume);
	input.emit({type: 'reboot', step: stepId, resume});
	if (await input.confirm()) {
		const command = system.rebootCommand;
		audit.write(stepId, `reboot: ${command}`);
		const result = await runShell({argv: ['bash', '-c', command], cwd: '/', env});
		if (result.exitCode !== 0) audit.write(stepId, `reboot command failed (exit ${result.exitCode}): reboot by hand`);
	}

	return 'awaiting-reboot';
}
