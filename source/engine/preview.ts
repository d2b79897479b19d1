import {FileChangeError, newText} from '../domain/edit/file-change.js';
import type {Step} from '../domain/types.js';
import {unifiedDiff} from '../domain/edit/unified-diff.js';
import {readCurrent, resolveFilePath} from './apply-file-change.js';
import type {PreviewedAction} from './controller-types.js';
import {describeAction} from './describe-action.js';
import type {Session} from './process/session.js';

/** What each action of a (resolved) step would do here and now; file diffs are computed against the live files. */
export async function previewStep(step: Step, session: Session): Promise<PreviewedAction[]> {
	return Promise.all(
		step.actions.map(async (action): Promise<PreviewedAction> => {
			const description = describeAction(action);
			if (action.kind === 'run') return {action, description, command: action.command};
			if (action.kind !== 'write' && action.kind !== 'edit') return {action, description};
			const file = resolveFilePath(action.path, step.cwd ?? session.cwd);
			try {
				const before = await readCurrent(file);
				return {action, description, path: file, diff: unifiedDiff(file, before, newText(before, action))};
			} catch (error) {
				const problem = error instanceof FileChangeError ? error.message : `${file}: ${(error as Error).message}`;
				return {action, description, path: file, problem};
			}
		}),
	);
}
