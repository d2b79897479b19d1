import process from 'node:process';
import {createInterface} from 'node:readline/promises';
import type {CliOptions} from '../cli-args.js';
import {InputError} from '../domain/types.js';
import {describeUndoChange} from '../domain/undo/describe-change.js';
import type {UndoChange} from '../domain/undo/plan-undo.js';
import {acquireRunLock} from '../engine/run-lock.js';
import {engineOptions, openEngine} from './open-engine.js';
import {requireRoot} from './require-root.js';

/**
 * `tomesh-setup undo STEP [--yes]`: shows what putting back the step's file changes would do, asks (on a terminal,
 * unless --yes), then restores each file as it was before the step, removes the files it created and makes it pending.
 */
export async function undoCommand(options: CliOptions): Promise<number> {
	const stepId = options.args[0];
	if (stepId === undefined) throw new InputError('undo takes the id of a step (see tomesh-setup status)');
	const ask = process.stdin.isTTY === true && process.stdout.isTTY === true && !options.yes;
	if (!ask && !options.yes) throw new InputError('no terminal to ask on: use --yes to undo without asking');
	requireRoot(options, 'undo puts back the server\'s files', 'undoes as yourself');
	const settings = engineOptions(options);
	acquireRunLock(settings.stateDir);
	const controller = await openEngine(options, settings);
	const plan = await controller.undoStep(stepId, {dryRun: true});
	if (!plan.ok) throw new InputError(plan.reason);
	process.stdout.write(plan.changes.map(change => describe(change)).join(''));
	if (ask && !(await confirm(`Put back ${plan.changes.length} file${plan.changes.length === 1 ? '' : 's'} and make ${stepId} pending? [y/N] `))) {
		process.stdout.write('nothing changed\n');
		return 0;
	}

	const done = await controller.undoStep(stepId);
	if (!done.ok) throw new InputError(done.reason);
	process.stdout.write(`undid ${stepId}: ${done.changes.length} file${done.changes.length === 1 ? '' : 's'} put back; the step is pending again\n`);
	return 0;
}

function describe(change: UndoChange): string {
	return `${describeUndoChange(change)}\n${change.diff || '(content unchanged)\n'}`;
}

async function confirm(question: string): Promise<boolean> {
	const readline = createInterface({input: process.stdin, output: process.stdout});
	try {
		return /^y(es)?$/i.test((await readline.question(question)).trim());
	} finally {
		readline.close();
	}
}
