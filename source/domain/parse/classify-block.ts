import {splitHeredocs} from './heredoc.js';
import {commandAction, looksLikeCommand} from './shell-command.js';
import type {Action, Check, ShellUser} from '../types.js';

/** What the prose just before a code block says the block is. */
export type BlockContext =
	| {kind: 'write'; path: string}
	| {kind: 'comment-and-insert'; path: string; match: string}
	/** "In **FILE**, change … to:" — the block is part of a file the operator edits by hand. */
	| {kind: 'file-edit'; path: string}
	/** "SSH into **host** and run:", "On the router:" — commands for another machine, never run here. */
	| {kind: 'remote'; path?: undefined};

/** What one code block contributes to its step. */
export interface ClassifiedBlock {
	actions: Action[];
	checks: Check[];
}

interface LogicalLine {
	text: string;
	line: number;
}

const shellLanguages = new Set(['', 'sh', 'bash', 'shell', 'console', 'shell-session', 'zsh', 'session']);
const prompt = /^([#$])\s+(.*)$/s;

/** Joins lines ending in `\` with the next ones (the `\`+newline is kept) and drops blank lines. */
export function logicalLines(code: string, firstLine: number): LogicalLine[] {
	const physical = code.split('\n');
	const result: LogicalLine[] = [];
	for (let index = 0; index < physical.length; index++) {
		const start = index;
		let text = physical[index]!;
		while (/\\\s*$/.test(text) && index + 1 < physical.length) text = `${text.replace(/\s+$/, '')}\n${physical[++index]!}`;
		if (text.trim() !== '') result.push({text, line: firstLine + start});
	}

	return result;
}

/** A best guess at what a non-shell block is, for display and so that bash never runs it. */
export function guessLanguage(code: string): string {
	const first = code.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim() ?? '';
	if (/^[{[]/.test(first)) return 'json';
	if (/^(select|delete|update|insert|create|alter|drop|with)\b/i.test(first)) return 'sql';
	if (/^(server|upstream|location|http|events)\b.*\{$/.test(first)) return 'nginx';
	if (/^[\w.-]+:(\s|$)/.test(first) || /^- /.test(first)) return 'yaml';
	return 'text';
}

function manual(code: string, language: string, line: number, text: string, path?: string): Action {
	return {kind: 'manual', text, code, language, ...(path ? {path} : {}), line};
}

/** `$ cmd` lines followed by output lines: each command with output is a check, one without is a run action. */
function transcript(lines: LogicalLine[]): ClassifiedBlock {
	const actions: Action[] = [];
	const checks: Check[] = [];
	let current: {as: ShellUser; command: string; line: number; expect: string[]} | undefined;
	const flush = () => {
		if (!current) return;
		if (current.expect.length > 0) {
			checks.push({kind: 'command', as: current.as, command: current.command, expect: current.expect, line: current.line});
		} else {
			const action = commandAction(current.command, current.as, current.line);
			if (action) actions.push(action);
		}
	};

	for (const {text, line} of lines) {
		const match = prompt.exec(text.trim());
		if (match) {
			flush();
			current = {as: match[1] === '$' ? 'user' : 'root', command: match[2]!, line, expect: []};
		} else {
			current?.expect.push(text.trim());
		}
	}

	flush();
	return {actions, checks};
}

/**
 * Classifies a code block: file content (write), the lines of an edit, shell commands (`#` root, `$` user,
 * no prompt), a transcript (commands with their expected output → checks), or something that is not shell
 * (SQL, YAML, JSON, nginx…) → a manual action that is shown and never run. `firstLine` is the block's first
 * content line; `prose` is the step text shown for manual actions.
 */
export function classifyBlock(code: string, language: string | undefined, firstLine: number, context: BlockContext | undefined, prose: string): ClassifiedBlock {
	const lang = (language ?? '').trim().toLowerCase();
	const none: ClassifiedBlock = {actions: [], checks: []};
	if (context?.kind === 'write') return {...none, actions: [{kind: 'write', path: context.path, content: `${code}\n`, line: firstLine}]};
	if (context?.kind === 'comment-and-insert') {
		const insert = code.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
		return {...none, actions: [{kind: 'edit', path: context.path, edit: {op: 'comment-and-insert', match: context.match, insert}, line: firstLine}]};
	}

	if (context?.kind === 'remote') return {...none, actions: [manual(code, lang || guessLanguage(code), firstLine, prose)]};
	if (!shellLanguages.has(lang)) return {...none, actions: [manual(code, lang, firstLine, prose, context?.path)]};
	if (code.includes('<<') && context === undefined) {
		const parts = splitHeredocs(code, firstLine);
		if (parts.some((part) => part.kind === 'heredoc')) {
			const results = parts.map((part) => (part.kind === 'heredoc' ? {actions: [part.action], checks: []} : classifyBlock(part.code, language, part.firstLine, undefined, prose)));
			return {actions: results.flatMap((result) => result.actions), checks: results.flatMap((result) => result.checks)};
		}
	}

	const lines = logicalLines(code, firstLine);
	const prompted = lines.filter((line) => prompt.test(line.text.trim()));
	const rootPrompted = prompted.some((line) => line.text.trim().startsWith('#'));
	if (prompted.length === lines.length && lines.length > 0) return transcript(lines);
	if (prompted.length > 0 && !rootPrompted && prompt.test(lines[0]!.text.trim())) return transcript(lines);
	if (prompted.length === 0 && context === undefined && lines.length > 0 && lines.every((line) => looksLikeCommand(line.text))) {
		const actions = lines.map((line) => commandAction(line.text, 'root', line.line)).filter((action) => action !== undefined);
		return {...none, actions};
	}

	return {...none, actions: [manual(code, guessLanguage(code), firstLine, prose, context?.path)]};
}
