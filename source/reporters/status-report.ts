import type {ResumePoint, StepProgress} from '../engine/controller-types.js';
import {stepMarks} from '../domain/marks.js';
import type {Runbook, StepStatus} from '../domain/types.js';

/** The saved progress of every runbook, as `status --json` prints it. */
export interface StatusReport {
	stateFile: string;
	rebooted: boolean;
	resume: ResumePoint | null;
	/** Every step is done: none pending, failed, interrupted or skipped. */
	complete: boolean;
	runbooks: Array<{
		id: string;
		title: string;
		done: number;
		skipped: number;
		total: number;
		steps: Array<{id: string; number: number; title: string; status: string; changed: boolean; startedAt?: string; endedAt?: string; exitCode?: number | null}>;
	}>;
}

/** Builds the status report from the controller's view of progress. */
export function statusReport(input: {stateFile: string; rebooted: boolean; resume?: ResumePoint; runbooks: Runbook[]; progress: StepProgress[]}): StatusReport {
	return {
		stateFile: input.stateFile,
		rebooted: input.rebooted,
		resume: input.resume ?? null,
		complete: input.progress.every(item => item.status === 'done'),
		runbooks: input.runbooks.map(runbook => {
			const steps = input.progress.filter(item => item.runbook.id === runbook.id);
			return {
				id: runbook.id,
				title: runbook.title,
				done: steps.filter(item => item.status === 'done').length,
				skipped: steps.filter(item => item.status === 'skipped').length,
				total: steps.length,
				steps: steps.map(item => ({
					id: item.step.id,
					number: item.step.number,
					title: item.step.title,
					status: item.status,
					changed: item.changed,
					...(item.startedAt ? {startedAt: item.startedAt} : {}),
					...(item.endedAt ? {endedAt: item.endedAt} : {}),
					...(item.exitCode === undefined ? {} : {exitCode: item.exitCode}),
				})),
			};
		}),
	};
}


/** The status report as text: a line per runbook (done/total, skipped apart), a line per step, then where the run resumes. */
export function statusText(report: StatusReport): string {
	const lines: string[] = [];
	for (const runbook of report.runbooks) {
		const skipped = runbook.skipped > 0 ? `, ${runbook.skipped} skipped` : '';
		lines.push(`${runbook.title} (${runbook.id}): ${runbook.done}/${runbook.total} done${skipped}`);
		for (const step of runbook.steps) {
			const note = step.changed ? ' (changed since done)' : '';
			lines.push(`  [${stepMarks[step.status as StepStatus] ?? '?'}] ${step.number}. ${step.title} — ${step.status}${note}`);
		}
	}

	if (report.rebooted) lines.push('The server has rebooted since the progress was last saved.');
	const skipped = report.runbooks.reduce((sum, runbook) => sum + runbook.skipped, 0);
	if (report.resume) lines.push(`Resume at: ${report.resume.step} (${report.resume.status})`);
	else lines.push(skipped > 0 ? `Not complete: ${skipped} step${skipped === 1 ? '' : 's'} skipped (tomesh-setup run opens them).` : 'Everything is done.');
	lines.push(`State: ${report.stateFile}`);
	return `${lines.join('\n')}\n`;
}
