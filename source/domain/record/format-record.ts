import {recordOutputLines, type RecordedAction, type RecordItem} from './run-record.js';
import {checkMarks} from '../marks.js';

/** Who ran the record and where: its heading. */
export interface RecordHeader {
	/** The titles of the documents carried out. */
	documents: string[];
	startedAt: string;
	/** Who ran it (the sudo user, or the user). */
	by: string;
	host: string;
}

const statusWords: Record<string, string> = {
	done: 'done',
	failed: 'FAILED',
	interrupted: 'interrupted',
	'awaiting-reboot': 'waiting for a reboot',
	running: 'still running when this was written',
};

/**
 * The as-run record as markdown that reads like the document carried out: for each step its title, the commands as
 * they ran with the end of their output, the diffs applied, the check results; the steps skipped, marked done or
 * undone and by whom. The items come already masked (the engine's events are).
 */
export function formatRecord(header: RecordHeader, items: RecordItem[]): string {
	const lines = [
		`# As run: ${header.documents.join(', ') || 'tomesh-setup'}`,
		'',
		`Started ${header.startedAt} on ${header.host} by ${header.by}.`,
		'',
	];
	for (const item of items) {
		if (item.type !== 'step') {
			const what = {skipped: 'Skipped', 'marked-done': 'Marked done', undone: 'Undone'}[item.type];
			// Numbered like the steps that ran, so the record reads in the document's terms.
			lines.push(`## ${item.number === undefined ? '' : `${item.number}. `}${item.title}`, '', `\`${item.step}\` — ${what} by ${item.by} at ${item.at}.${item.detail ? ` ${item.detail}` : ''}`, '');
			continue;
		}

		lines.push(`## ${item.number}. ${item.title}`, '', `\`${item.step}\`, started ${item.at}.`, '');
		for (const action of item.actions) lines.push(...formatAction(action, item.by));
		if (item.checks.length > 0) {
			lines.push('Checks:', '');
			for (const check of item.checks) lines.push(`- ${checkMarks[check.status]} ${check.title} — ${check.status}${check.detail ? `: ${oneLine(check.detail)}` : ''}`);
			lines.push('');
		}

		const status = item.status === undefined ? statusWords.running! : (statusWords[item.status] ?? item.status);
		const took = item.durationMs === undefined ? '' : ` in ${seconds(item.durationMs)}`;
		lines.push(`**Result: ${status}**${took}${item.message ? ` — ${oneLine(item.message)}` : ''}`, '');
	}

	return `${lines.join('\n').trimEnd()}\n`;
}

function formatAction(action: RecordedAction, by: string): string[] {
	// "run as root: CMD" followed by CMD in a block says it twice.
	const description = action.command && action.description.endsWith(action.command) ? action.description.slice(0, -action.command.length).trimEnd() : action.description;
	const lines = [`- ${description}`];
	if (action.command !== undefined) lines.push('', ...fence(action.command, 'sh'));
	const output = action.output.lines(recordOutputLines + 1);
	if (output.length > 0) {
		const cut = output.length > recordOutputLines || action.output.thinned;
		lines.push('', `  Output${cut ? ` (the last ${Math.min(output.length, recordOutputLines)} lines)` : ''}:`, '', ...fence(output.slice(-recordOutputLines).join('\n'), 'text'));
	}

	if (action.diff) lines.push('', ...fence(action.diff.trimEnd(), 'diff'));
	else if (action.diff === '') lines.push('', '  Already as wanted: nothing changed.');
	const result = [
		action.ok === undefined ? 'did not finish' : action.ok ? (action.manual ? `done by hand, confirmed by ${by}` : 'ok') : 'FAILED',
		action.exitCode === undefined || action.exitCode === null ? '' : `exit ${action.exitCode}`,
		action.durationMs === undefined ? '' : seconds(action.durationMs),
		action.message ? oneLine(action.message) : '',
	].filter(Boolean);
	lines.push('', `  → ${result.join(', ')}`, '');
	return lines;
}

// A fenced block indented under its list item, with a fence longer than any backtick run inside.
function fence(text: string, language: string): string[] {
	const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(match => match[0].length));
	const marks = '`'.repeat(longest + 1);
	return [`  ${marks}${language}`, ...text.split('\n').map(line => `  ${line}`), `  ${marks}`];
}

function oneLine(text: string): string {
	return text.replaceAll(/\s*\n\s*/g, ' ').trim();
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
