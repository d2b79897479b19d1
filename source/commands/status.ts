import type {CliOptions} from '../cli-args.js';
import {latestRecord} from '../engine/as-run-record.js';
import {engineOptions, openEngine} from './open-engine.js';
import {statusReport, statusText} from '../reporters/status-report.js';

/**
 * `tomesh-setup status [--json]`: saved progress of every runbook and step, and where the run resumes; `--record`: the
 * path of the latest as-run record. Changes nothing.
 */
export async function statusCommand(options: CliOptions): Promise<number> {
	if (options.record) {
		const {logDir} = engineOptions(options);
		const file = latestRecord(logDir);
		if (file === undefined) {
			process.stderr.write(`tomesh-setup: no as-run record yet in ${logDir}/runs (one is written as steps run)\n`);
			return 1;
		}

		process.stdout.write(`${file}\n`);
		return 0;
	}

	const controller = await openEngine(options);
	const report = statusReport({
		stateFile: controller.store.file,
		rebooted: controller.rebooted,
		resume: controller.resumePoint(),
		runbooks: controller.runbooks,
		progress: controller.allProgress(),
	});
	// Step titles can hold a secret given in prose ("changing `form_secret` to `…`").
	process.stdout.write(controller.mask(options.json ? `${JSON.stringify(report, null, 2)}\n` : statusText(report)));
	return 0;
}
