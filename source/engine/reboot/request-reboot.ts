import type {RunListener} from '../../domain/events.js';
import {TextTail} from '../../domain/output/text-tail.js';
import {outputTailLines} from '../../domain/step-state.js';
import type {ProgressStore} from '../../store/progress-store.js';
import type {AuditLog} from '../audit/audit-log.js';
import {AuditOutput} from '../audit/audit-output.js';
import type {SystemHooks} from '../engine-options.js';
import {recordSteps} from '../record-step.js';
import {removeReminder, writeReminder} from './reboot.js';
import {runShell} from '../process/run-shell.js';

/**
 * How a reboot request ended: awaiting the reboot, or failed with the reboot command's exit code, why, and the last
 * lines of its output (secrets not masked: the caller records the failure as any failed step's).
 */
export type RebootOutcome =
	| {status: 'awaiting-reboot'}
	| {status: 'failed'; exitCode: number | null; signal: string | null; message: string; output: string[]};

/**
 * A step reached its reboot action: saves it as awaiting the reboot (with this boot's id, so the next start can tell
 * the reboot happened), leaves the login reminder, and reboots when `confirm` says yes. A reboot command that fails
 * (no systemd, a container) is a failed step: the reminder is taken back, its output is emitted and logged like any
 * command's, and the outcome says so (the caller saves the failure and takes back the waiting record). Only a reboot
 * under way (or left to the operator) emits `reboot`.
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
}): Promise<RebootOutcome> {
	const {store, stepId, env, audit, emit} = input;
	recordSteps(store, [[stepId, {type: 'await-reboot', at: new Date().toISOString()}]], data => {
		data.reboot = {step: stepId, bootId: input.bootId};
	});
	const {resume, system} = input;
	writeReminder(system.profileDir, resume, env.SUDO_USER && env.SUDO_USER !== 'root' ? env.SUDO_USER : undefined);
	if (await input.confirm()) {
		const command = system.rebootCommand;
		audit.write(stepId, `reboot: ${command}`);
		const output = new TextTail(16 * 1024);
		const logged = new AuditOutput(audit, stepId);
		// Like any command's output, the log keeps only its start and end (a flood must not fill /var/log).
		const result = await runShell({
			argv: ['bash', '-c', command],
			cwd: '/',
			env,
			onOutput(stream, text, skipped = 0) {
				logged.push(text, skipped);
				output.push(text, skipped);
				emit({type: 'output', step: stepId, stream, text, ...(skipped > 0 ? {skipped} : {})});
			},
		}).finally(() => {
			logged.end();
		});

		if (result.exitCode !== 0) {
			const message = `the reboot command \`${command}\` failed: reboot by hand, then mark this step done`;
			audit.write(stepId, `${message} (exit ${result.exitCode ?? result.signal})`);
			removeReminder(system.profileDir);
			return {status: 'failed', exitCode: result.exitCode, signal: result.signal, message, output: output.lines(outputTailLines)};
		}
	}

	emit({type: 'reboot', step: stepId, resume});
	return {status: 'awaiting-reboot'};
}
