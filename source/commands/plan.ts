import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {buildPlan, type PlanEnvironment} from '../domain/plan/build-plan.js';
import {checkSetValues} from '../domain/params/parameters.js';
import {selectDocuments} from '../domain/plan/select-runbooks.js';
import {loadDocuments} from '../load-documents.js';
import {readLiveText} from '../engine/read-live.js';
import {sessionOrigin} from '../engine/session-origin.js';
import {planJson} from '../reporters/plan-json.js';
import {renderPlanText} from '../reporters/plan-text.js';
import {maskSecrets, rememberSecretValues} from '../domain/secrets.js';

/** The environment plan reads: this machine's files, and where each runbook's session starts, as the engine has it. */
export const liveEnvironment = (env: NodeJS.ProcessEnv = process.env): PlanEnvironment => ({
	readFile: readLiveText,
	origin: runbook => sessionOrigin(runbook, env),
});

/**
 * `tomesh-setup plan`: every runbook, step, command, check and the diff each file change would make on this
 * machine now, as text or (`--json`) the model. Never changes anything. Returns the exit code.
 */
export async function planCommand(options: CliOptions, environment: PlanEnvironment = liveEnvironment()): Promise<number> {
	const documents = loadDocuments(options.docs);
	const selected = selectDocuments(documents, options.only);
	const given = checkSetValues(
		documents.flatMap((document) => document.parameters),
		options.set,
	);
	const plan = buildPlan(selected, given, environment);
	rememberSecretValues(documents.flatMap(document => document.parameters).filter(parameter => parameter.type === 'secret').map(parameter => given[parameter.name]));
	process.stdout.write(maskSecrets(options.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : renderPlanText(plan)));

	return 0;
}
