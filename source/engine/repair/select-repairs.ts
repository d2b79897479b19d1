import type {CheckResult} from '../../domain/events.js';
import type {StepProgress} from '../controller-types.js';

/** Why `run --repair` runs a done step again. */
export type RepairReason =
	/** Some of its checks fail on this machine now. */
	| {kind: 'check-failed'; checks: CheckResult[]}
	/** Its text in the document changed since it was done. */
	| {kind: 'changed'}
	/** An earlier step of the same procedure is run again, and this one may build on it (a reload after a rewritten file). */
	| {kind: 'follows'; after: string};

/** A step `run --repair` runs again, and why. */
export interface RepairItem {
	progress: StepProgress;
	reasons: RepairReason[];
}

/**
 * The done steps to run again, in document order: those with a failing check now, those whose text changed since they
 * were done, and every done step after the first of those in the same procedure — a procedure's later steps build on
 * its earlier ones (the site file is rewritten, then the step that reloads nginx must run again for it to count).
 * Steps that are not done (pending, failed, skipped, interrupted) are left to a plain run.
 */
export function selectRepairs(progress: StepProgress[], results: CheckResult[]): RepairItem[] {
	const failing = new Map<string, CheckResult[]>();
	for (const result of results) {
		if (result.status === 'fail') failing.set(result.step, [...(failing.get(result.step) ?? []), result]);
	}

	const firstBroken = new Map<string, string>();
	const repairs: RepairItem[] = [];
	for (const item of progress) {
		if (item.status !== 'done') continue;
		const reasons: RepairReason[] = [];
		const checks = failing.get(item.step.id);
		if (checks) reasons.push({kind: 'check-failed', checks});
		if (item.changed) reasons.push({kind: 'changed'});
		const after = firstBroken.get(item.runbook.id);
		if (reasons.length === 0 && after !== undefined) reasons.push({kind: 'follows', after});
		if (reasons.length === 0) continue;
		if (after === undefined) firstBroken.set(item.runbook.id, item.step.id);
		repairs.push({progress: item, reasons});
	}

	return repairs;
}

/** One line saying why a step is run again ("check failed: …", "its text changed since it was done", "follows …"). */
export function describeRepairReasons(reasons: RepairReason[]): string {
	return reasons
		.map(reason => {
			switch (reason.kind) {
				case 'check-failed': {
					const [first] = reason.checks;
					const more = reason.checks.length > 1 ? ` (+${reason.checks.length - 1} more)` : '';
					return `check failed: ${first!.title}: ${first!.detail}${more}`;
				}

				case 'changed': {
					return 'its text changed since it was done';
				}

				case 'follows': {
					return `follows ${reason.after}, which runs again`;
				}
			}
		})
		.join('; ');
}
