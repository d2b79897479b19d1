import {afterSudo, commandAction, commandWords, isInteractive, isRootShell} from './shell-command.js';
import type {Action} from '../types.js';

/** Commands a paragraph writes as inline code, and whether it said "become root" (`sudo -i`). */
export interface InlineCommands {
	actions: Action[];
	/** The paragraph named a command the tool handles by doing nothing (`sudo -i`). */
	handled: boolean;
}

// Words that introduce a command in these documents ("Start the server with `synctl start`").
const introducer = /\b(with|run|running|by|using|execute|type|command|need to|then)\s*:?\s*$/i;
// A sentence that warns against a command, or offers it as an option, does not ask for it.
const negation = /\b(don'?t|do not|never|instead of|avoid|rather than)\b/i;
const optional = /^\W*(if you (want|wish|need)|if needed|optionally|to (stop|undo|revert))\b/i;

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
	for (const match of markdown.matchAll(/`([^`\n]+)`/g)) {
		const code = match[1]!.trim();
		if (consumed.has(match[1]!)) continue;
		const before = markdown.slice(0, match.index);
		const after = markdown.slice(match.index + match[0].length);
		if (isRootShell(code)) {
			handled = true;
			continue;
		}

		if (isInteractive(code)) continue;
		const sentence = before.slice(before.search(/(?:[.!?]\s+|\n\s*\n)(?=[^.!?]*$)/) + 1);
		if (negation.test(sentence) || optional.test(sentence)) continue;
		const words = code.split(/\s+/);
		const first = words[0] === 'sudo' ? afterSudo(words).rest[0] ?? '' : words[0]!;
		const pathCommand = /^\/[\w./-]+$/.test(first) && words.length > 1;
		if (!commandWords.has(first) && !pathCommand) continue;
		const endsSentence = /^\s*([.;!]|$)/.test(after);
		if (words.length < 2 && !introducer.test(before) && !endsSentence) continue;
		const lineOffset = before.split('\n').length - 1;
		const action = commandAction(code, 'root', line + lineOffset);
		if (action) actions.push(action);
	}

	return {actions, handled};
}
