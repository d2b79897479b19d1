import os from 'node:os';
import process from 'node:process';
import type {CliOptions} from '../cli-args.js';
import {buildPlan, type PlanEnvironment} from '../domain/plan/build-plan.js';
import {FileChangeError} from '../domain/edit/file-change.js';
import {checkSetValues} from '../domain/params/parameters.js';
import {selectDocuments} from '../domain/plan/select-runbooks.js';
import {loadDocuments} from '../load-documents.js';
import {planJson} from '../reporters/plan-json.js';
import {renderPlanText} from '../reporters/plan-text.js';
import {readRegularFile} from '../store/safe-files.js';

/** Reads a file for a diff: undefined when it does not exist, FileChangeError when it exists but cannot be read. */
function readCurrent(file: string): string | undefined {
	try {
		// Not a FIFO or a device: plan must never wait for a writer or read /dev/zero forever.
		return readRegularFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
		throw new FileChangeError(`${file} cannot be read here (${(error as NodeJS.ErrnoException).code ?? 'error'}): no diff`);
	}
}

/** The environment plan reads: this machine's files, from the current directory and home. */
// Like the engine, a runbook starts in the home directory (see engine/start-directory.ts), not where the tool was started.
export const liveEnvironment = (): PlanEnvironment => ({readFile: readCurrent, start: {cwd: os.userInfo().homedir, home: os.homedir()}});

/**
 * `tomesh-setup plan`: every runbook, step, command, check and the diff each file change would make on this
 * machine now, as text or (`--json`) the model. Never changes anything. Returns the exit code.
 */
export async function planCommand(options: CliOptions, environment: PlanEnvironment = liveEnvironment()): Promise<number> {
	const documents = loadDocuments(options.docs, undefined, {trust: options.trustDoc});
	const selected = selectDocuments(documents, options.only);
	const given = checkSetValues(
		documents.flatMap((document) => document.parameters),
		options.set,
	);
	const plan = buildPlan(selected, given, environment);
	if (options.json) {
		process.stdout.write(`${JSON.stringify(planJson(plan), null, 2)}\n`);
	} else {
		process.stdout.write(renderPlanText(plan));
	}

	return 0;
}
