import type {CliOptions} from '../cli-args.js';
import {openEngine} from './open-engine.js';
import {lockHolder} from '../engine/run-lock.js';
import {selectRunbooks} from '../domain/plan/select-runbooks.js';
import {InputError} from '../domain/types.js';

/** `tomesh-setup reset [RUNBOOK]`: forgets saved progress (of one runbook, by id or title, or of all). Files stay as they are. */
export async function resetCommand(options: CliOptions): Promise<number> {
	const controller = await openEngine(options);
	const name = options.args[0];
	// A title shared by two runbooks names both, as with --only.
	const runbooks = name === undefined ? [undefined] : selectRunbooks(controller.documents, name, 'reset');
	const holder = lockHolder(controller.store.directory);
	if (holder !== undefined) throw new InputError(`a tomesh-setup run (pid ${holder}) is using ${controller.store.directory}: stop it first`);
	let count = 0;
	for (const runbook of runbooks) count += controller.forget(runbook);
	const which = name === undefined ? '' : ` of ${runbooks.map(runbook => runbook!.id).join(', ')}`;
	process.stdout.write(`forgot the progress of ${count} step${count === 1 ? '' : 's'}${which} (files on the server are unchanged)\n`);
	return 0;
}
