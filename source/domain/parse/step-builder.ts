import type {Token, Tokens} from 'marked';
import type {Directive} from './annotations.js';
import {classifyBlock, type BlockContext} from './classify-block.js';
import {inlineCommands} from './inline-commands.js';
import {firstSentence, plainText, withoutTrailingCommand} from './plain-text.js';
import {proseEdits} from './prose-edits.js';
import {InputError, type Action, type Check, type Step} from '../types.js';

const newlines = (text: string) => {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
};

/** Counts the line breaks of a token's source, for line numbers. */
export const lineCount = newlines;

/**
 * Collects the blocks of one step (a list item and any column-0 block that follows it) and turns them into the
 * step's actions, checks and notes. `toLine` maps a line of the annotation-free text to the document's line.
 */
export class StepBuilder {
	readonly directives: Directive[] = [];
	private readonly actions: Action[] = [];
	private readonly checks: Check[] = [];
	private readonly notes: string[] = [];
	private readonly texts: string[] = [];
	// The first text as a title reads it (see withoutTrailingCommand).
	private titleText?: string;
	private readonly markdown: string[] = [];
	// The last two characters of the markdown so far: enough to know how it ends without joining it on every add.
	private markdownTail = '';
	private context: BlockContext | undefined;
	private handled = false;

	constructor(
		readonly line: number,
		private readonly toLine: (strippedLine: number) => number,
		/** A fixed title (a section without a numbered list is one step named after the section). */
		private readonly fixedTitle?: string,
	) {}

	/** Adds the tokens of a list item or a column-0 block starting at `line` (a line of the stripped text). */
	add(tokens: Token[], line: number, raw?: string): void {
		if (raw !== undefined) {
			// marked trims the newlines after a list's last item: a column-0 block glued to it would read as inline text.
			const before = this.markdownTail;
			if (before !== '' && !before.endsWith('\n\n')) this.append(before.endsWith('\n') ? '\n' : '\n\n');
			this.append(raw);
		}

		let current = line;
		for (const token of tokens) {
			this.token(token, current);
			current += newlines(token.raw);
		}
	}

	private append(markdown: string): void {
		this.markdown.push(markdown);
		this.markdownTail = markdown.length >= 2 ? markdown.slice(-2) : (this.markdownTail + markdown).slice(-2);
	}

	private token(token: Token, line: number): void {
		switch (token.type) {
			case 'paragraph':
			case 'text': {
				this.paragraph(token.raw, line);
				break;
			}

			case 'code': {
				const code = token as Tokens.Code;
				const first = code.codeBlockStyle === 'indented' ? line : line + 1;
				const result = classifyBlock(code.text, code.lang, this.toLine(first), this.context, this.texts.at(-1) ?? '');
				this.actions.push(...result.actions);
				this.checks.push(...result.checks);
				this.context = undefined;
				break;
			}

			case 'blockquote': {
				this.notes.push(plainText(token.raw));
				break;
			}

			case 'list': {
				let itemLine = line;
				for (const item of (token as Tokens.List).items) {
					this.add(item.tokens, itemLine);
					itemLine += newlines(item.raw);
				}

				break;
			}

			default: {
				break;
			}
		}
	}

	private paragraph(raw: string, strippedLine: number): void {
		const line = this.toLine(strippedLine);
		const text = plainText(raw);
		if (/^(\*\*|__)?(Note|NB)\b:?/i.test(raw.trim())) {
			this.notes.push(text);
			return;
		}

		const edits = proseEdits(raw, line);
		const inline = inlineCommands(raw, line, edits.consumed);
		this.actions.push(...edits.actions, ...inline.actions);
		this.handled ||= inline.handled;
		this.context = edits.context;
		this.texts.push(text);
		if (this.titleText === undefined) {
			const title = withoutTrailingCommand(raw);
			this.titleText = title === raw ? text : plainText(title);
		}
	}

	/** The finished step, with this step's annotations applied; throws InputError for an annotation that does not fit. */
	build(id: string, number: number, file: string, fallbackTitle: string): Step {
		let actions = [...this.actions];
		const checks = [...this.checks];
		let cwd: string | undefined;
		let settleSeconds: number | undefined;
		const ignore = this.directives.some((directive) => directive.kind === 'ignore');
		if (ignore) actions = [];
		for (const directive of this.directives) {
			if (directive.kind === 'run') actions.push(...directive.commands.map((command) => ({kind: 'run' as const, ...command})));
			if (directive.kind === 'edit') actions.push({kind: 'edit', path: directive.path, edit: directive.edit, line: directive.line});
			if (directive.kind === 'write') actions.push({kind: 'write', path: directive.path, content: directive.content, line: directive.line});
			if (directive.kind === 'check') checks.push(directive.check);
			if (directive.kind === 'cwd') cwd = directive.dir;
			if (directive.kind === 'settle') settleSeconds = directive.seconds;
		}

		// A stable sort by line; actions are mostly in line order already.
		if (actions.some((action, index) => index > 0 && action.line < actions[index - 1]!.line)) {
			actions = actions.map((action, index) => ({action, index})).sort((a, b) => a.action.line - b.action.line || a.index - b.index).map(({action}) => action);
		}

		actions = pairUnless(actions, this.directives, file);

		const text = this.texts.join('\n') || this.notes.join('\n');
		if (this.directives.some((directive) => directive.kind === 'manual')) actions = [{kind: 'manual', text, line: this.line}];
		if (actions.length === 0 && !this.handled && !ignore) actions.push({kind: 'manual', text, line: this.line});
		const notes = actions.length === 0 && this.handled ? [...this.notes, 'tomesh-setup already runs as root: nothing to do here.'] : this.notes;
		return {
			id,
			number,
			line: this.line,
			title: this.fixedTitle ?? (firstSentence(this.titleText ?? '') || firstSentence(this.texts[0] ?? '') || fallbackTitle),
			markdown: this.markdown.join('').trimEnd(),
			actions,
			checks,
			notes,
			...(cwd ? {cwd} : {}),
			...(settleSeconds === undefined ? {} : {settleSeconds}),
		};
	}
}

/**
 * Gives each `unless` its command. Consecutive `unless` lines after a block guard that block's last commands in order
 * (two after a block of two: one each); one with no command before it guards the first command after it. Two guards
 * for one command, or more guards than commands, stop with FILE:LINE rather than lose one.
 */
function pairUnless(actions: Action[], directives: Directive[], file: string): Action[] {
	if (directives.length === 0) return actions;
	const result = [...actions];
	const guards = directives.filter((directive): directive is Extract<Directive, {kind: 'unless'}> => directive.kind === 'unless');
	const groups: Array<typeof guards> = [];
	for (const guard of guards) {
		const last = groups.at(-1)?.at(-1);
		if (last && guard.line === last.line + 1) groups.at(-1)!.push(guard);
		else groups.push([guard]);
	}

	for (const group of groups) {
		const runs = result.filter((action): action is Extract<Action, {kind: 'run'}> => action.kind === 'run');
		const before = runs.filter((action) => action.line < group[0]!.line);
		const targets = before.length > 0 ? before.slice(-group.length) : runs.filter((action) => action.line > group[0]!.line).slice(0, group.length);
		if (targets.length === 0) throw new InputError("'unless' has no run action to guard in this step", `${file}:${group[0]!.line}`);
		if (targets.length < group.length) throw new InputError(`${group.length} 'unless' annotations but only ${targets.length} command(s) to guard`, `${file}:${group[targets.length]!.line}`);
		for (const [index, guard] of group.entries()) {
			const target = targets[index]!;
			if (target.unless !== undefined) throw new InputError(`'unless' guards \`${target.command.split('\n')[0]}\` (line ${target.line}), which already has one`, `${file}:${guard.line}`);
			result[result.indexOf(target)] = {...target, unless: guard.command};
		}
	}

	return result;
}
