/** The `e` key of a manual edit: open the file in the operator's editor, then say what changed as a diff. */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Session} from '../domain/types.js';
import {editorCommand, handOverTerminal, preferredEditor} from './hand-over-terminal.js';

async function read(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * Opens `file` (relative to the session cwd) in $VISUAL or $EDITOR (arguments allowed) inside `backUp`, which saves the
 * file first (undo can put it back); resolves to a note and the diff of what the operator changed.
 */
export async function editByHand(file: string, session: Session, backUp: (file: string, edit: () => void) => Promise<void>): Promise<{text: string; diff?: string}> {
	const absolute = path.resolve(session.cwd, file);
	const before = await read(absolute);
	const {command, args} = editorCommand(preferredEditor(), absolute);
	let code: number | null = null;
	await backUp(absolute, () => {
		code = handOverTerminal(command, args, {cwd: session.cwd, env: session.env});
	});
	const after = await read(absolute);
	if (code === null || code === 127) return {text: `the editor (${preferredEditor()}) could not start: set $EDITOR`};
	if (after === before) return {text: `${absolute}: no change`};
	const {unifiedDiff} = await import('../domain/edit/unified-diff.js');
	return {text: `${absolute}: your change`, diff: unifiedDiff(absolute, before, after ?? '')};
}
