import {createTwoFilesPatch} from 'diff';
import {maskSecrets} from '../secrets.js';

/**
 * The unified diff that turns `oldText` into `newText` for the file at `path`, with secret values masked.
 * A missing file (`undefined`) diffs from /dev/null, every line added, or to /dev/null, every line removed. Returns
 * '' when nothing changes.
 */
export function unifiedDiff(path: string, oldText: string | undefined, newText: string | undefined): string {
	if (oldText === (newText ?? '')) return '';
	if (oldText === undefined) {
		const created = newFileDiff(path, newText ?? '');
		if (created !== undefined) return maskSecrets(created);
	}

	const patch = createTwoFilesPatch(oldText === undefined ? '/dev/null' : path, newText === undefined ? '/dev/null' : path, oldText ?? '', newText ?? '', undefined, undefined, {
		context: 3,
	});
	// The diff package starts with an Index line and a line of '=' signs that diff(1) does not print.
	const body = patch.replace(/^Index: .*\n/, '').replace(/^=+\n/, '');
	return maskSecrets(body);
}

// A new file's diff written out as the diff package writes it (every line added, one hunk): plans that create ten
// thousand files spent a third of their time in the diff machinery. Undefined for what it does not cover.
function newFileDiff(path: string, text: string): string | undefined {
	if (text === '' || text.includes('\r') || path === '/dev/null') return undefined;
	const lines = text.split('\n');
	const complete = lines.at(-1) === '';
	if (complete) lines.pop();
	const added = lines.map(line => `+${line}\n`).join('');
	return `--- /dev/null\n+++ ${path}\n@@ -0,0 +1,${lines.length} @@\n${added}${complete ? '' : '\\ No newline at end of file\n'}`;
}

/** Counts the added and removed lines of a unified diff, for one-line summaries. */
export function diffStat(diff: string): {added: number; removed: number} {
	let added = 0;
	let removed = 0;
	for (const line of diff.split('\n')) {
		if (line.startsWith('+') && !line.startsWith('+++')) added++;
		else if (line.startsWith('-') && !line.startsWith('---')) removed++;
	}

	return {added, removed};
}
