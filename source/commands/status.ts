import type {CliOptions} from '../cli-args.js';
import {openEngine} from './open-engine.js';
import {statusReport, statusText} from '../reporters/status-report.js';

/** `tomesh-setup status [--json]`: saved progress of every runbook and step, and where the run resumes. Changes nothing. */
export async function statusCommand(options: CliOptions): Promise<number> {
	const controller = openEngine(options);
	const report = statusReport({
		stateFile: controller.store.file,
		rebooted: controller.rebooted,
		resume: controller.resumePoint(),
		runbooks: controller.runbooks,
		progress: controller.allProgress(),
	});
	process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : statusText(report));
	return 0;
}
