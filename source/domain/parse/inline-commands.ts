import {afterSudo, commandAction, commandWords, isInteractive, isRootShell} from './shell-command.js';
import {SentenceTracker} from './sentence-tracker.js';
import type {Action} from '../types.js';

/** Commands a paragraph writes as inline code, and whether it said "become root" (`sudo -i`). */
export interface InlineCommands {
	actions: Action[];
	/** The paragraph named a command the tool handles by doing nothing (`sudo -i`). */
	handled: boolean;
}

const inlineCode = /`([^`\n]+)`/g;

// Words that introduce a command in these documents ("Start the server with `synctl start`").
const introducer = /\b(with|run|running|by|using|execute|type|command|need to|then)\s*:?\s*$/i;
// A sentence that offers a command as an option does not ask for it (one that warns against it: see SentenceTracker).
const optional = /^\W*(if you (want|wish|need)|if needed|optionally|to (stop|undo|revert))\b/i;

// Whether `before` ends on an introducer. The word ends where the trailing spaces and colons start and is at most seven
// letters long, so only the few characters before them are searched (not the whole paragraph once per code).
function introduced(before: string): boolean {
	let tail = before.length;
	while (tail > 0 && /[\s:]/.test(before[tail - 1]!)) tail--;
	return introducer.test(before.slice(Math.max(0, tail - 9)));
}

/**
 * The inline-code commands of a paragraph. An inline code is a command when its first word is a known command
 * word (see shell-command.ts) and either it has arguments, or it follows "with", "run", "running", "by"…, or it ends
 * the sentence — unless its sentence warns against it ("do not run…") or makes it optional ("If you want to…").
 * Names and values (`enable_registration`, `True`, `VERSION`, `handlers:file:backupCount`) never
 * start with a command word. `consumed` lists inline code already used by an edit.
 */
export function inlineCommands(markdown: string, line: number, consumed: ReadonlySet<string>): InlineCommands {
	const actions: Action[] = [];
	let handled = false;
	// Lines before the current match, counted from where the previous match was (not from the paragraph's start).
	let lineOffset = 0;
	let counted = 0;
	const sentences = new SentenceTracker(markdown);
	// exec on one shared expression, not matchAll (which copies the expression and makes an iterator per paragraph).
	inlineCode.lastIndex = 0;
	for (let match = inlineCode.exec(markdown); match !== null; match = inlineCode.exec(markdown)) {
		const code = match[1]!.trim();
		if (consumed.has(match[1]!)) continue;
		const before = markdown.slice(0, match.index);
		const after = markdown.slice(match.index + match[0].length);
		if (isRootShell(code)) {
			handled = true;
			continue;
		}

		if (isInteractive(code)) continue;
		const {sentence, negated} = sentences.at(match.index);
		if (negated || optional.test(sentence)) continue;
		const words = code.split(/\s+/);
		const first = words[0] === 'sudo' ? afterSudo(words).rest[0] ?? '' : words[0]!;
		const pathCommand = /^\/[\w./-]+$/.test(first) && words.length > 1;
		if (!commandWords.has(first) && !pathCommand) continue;
		const endsSentence = /^\s*([.;!]|$)/.test(after);
		if (words.length < 2 && !introduced(before) && !endsSentence) continue;
		for (let index = markdown.indexOf('\n', counted); index !== -1 && index < match.index; index = markdown.indexOf('\n', index + 1)) lineOffset++;
		counted = match.index;
		const action = commandAction(code, 'root', line + lineOffset);
		if (action) actions.push(action);
	}

	return {actions, handled};
}
