import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {buildPlan, type PlanEnvironment} from '../domain/plan/build-plan.js';
import {loadYamlLibrary} from '../domain/edit/yaml-library.js';
import {checkSetValues, parameterValues} from '../domain/params/parameters.js';
import {collectSecrets} from '../domain/secrets/collect.js';
import {createMasker} from '../domain/secrets/masker.js';
import {selectDocuments} from '../domain/plan/select-runbooks.js';
import {localPreflight} from '../engine/preflight-facts.js';
import {loadDocuments} from '../load-documents.js';
import {planReader} from '../engine/read-live.js';
import {sessionOrigin} from '../engine/session-origin.js';
import {maskedJsonChunks} from '../reporters/json-chunks.js';
import {planJson} from '../reporters/plan-json.js';
import {savedValues} from './saved-values.js';
import {renderPlanText} from '../reporters/plan-text.js';
import {formatPreflightSection} from '../reporters/preflight-report.js';

/** The environment plan reads: this machine's files, and where each runbook's session starts, as the engine has it. */
export const liveEnvironment = (env: NodeJS.ProcessEnv = process.env): PlanEnvironment => ({
	// Listed once per plan: many files written to one directory are looked up without an open each.
	readFile: planReader(),
	origin: runbook => sessionOrigin(runbook, env),
});

/**
 * `tomesh-setup plan`: every runbook, step, command, check and the diff each file change would make on this
 * machine now, as text or (`--json`) the model. Never changes anything. Returns the exit code.
 */
export async function planCommand(options: CliOptions, environment: PlanEnvironment = liveEnvironment()): Promise<number> {
	const documents = loadDocuments(options.docs, undefined, {trust: options.trustDoc});
	const selected = selectDocuments(documents, options.only);
	const all = documents.flatMap((document) => document.parameters);
	// The operator's values: those saved by the walkthrough, then --set.
	const given = {...(await savedValues(options.state, all)), ...checkSetValues(all, options.set)};
	await loadYamlLibrary();
	const plan = buildPlan(selected, given, environment);
	const masker = createMasker(collectSecrets(documents, parameterValues(all, given), all));
	const mask = (text: string) => masker.mask(text);
	if (options.json) {
		// In pieces (written about a megabyte at a time): the same bytes as stringifying the masked plan at once.
		let pending = '';
		for (const chunk of maskedJsonChunks(planJson(plan), masker.empty() ? undefined : mask)) {
			pending += chunk;
			if (pending.length < 1 << 20) continue;
			process.stdout.write(pending);
			pending = '';
		}

		process.stdout.write(`${pending}\n`);
	} else {
		// A short preflight on top, without DNS so that plan stays instant.
		process.stdout.write(mask(formatPreflightSection(await localPreflight(selected, given)) + renderPlanText(plan)));
	}

	return 0;
}
