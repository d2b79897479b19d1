import type {BlockContext} from './classify-block.js';
import type {Action} from '../types.js';

/** Edits a paragraph asks for, the inline code they used up, and what the paragraph says about the next block. */
export interface ProseEdits {
	actions: Action[];
	/** Inline code texts that name a key or a value of an edit (never commands). */
	consumed: Set<string>;
	context?: BlockContext;
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** Bold texts (`**…**`) that look like a file: a path or a name with an extension. */
function boldFiles(markdown: string): Array<{path: string; index: number}> {
	if (!markdown.includes('**')) return [];
	return [...markdown.matchAll(/\*\*([^*\n]+)\*\*/g)]
		.filter((match) => /[/.]/.test(match[1]!) && !/\s/.test(match[1]!.trim()) && !/^https?:/.test(match[1]!))
		.map((match) => ({path: match[1]!.trim(), index: match.index}));
}

// "All three servers go in one file, **/etc/nginx/sites-available/matrix**:", "Put this in **/etc/x.conf**:": a
// paragraph that ends on an absolute path and says the block goes there, without a word of changing what is there.
function endsWithNewFile(paragraph: string): boolean {
	return paragraph.endsWith('**:') && /\*\*\/[^*\s]+\*\*:$/.test(paragraph) && /\b(?:go(?:es)?|put|write|save|place|store)\b/i.test(paragraph) && !/\b(?:chang|add|replac|uncomment|edit|append|insert|modif|updat)/i.test(paragraph);
}

/**
 * Reads the edits the seed's prose describes:
 * "changing `KEY` to `VALUE` in **FILE**" → set-yaml; "Open up **FILE**, find `a:b:c` and change the value to `1`" →
 * set-yaml on the nested key; "adding `LINE` in **FILE**" → append the line once; "comment out the `X` line, then add …:" → the next block is a comment-and-insert;
 * "Create **PATH**…:" / "…such that the file looks like:" / "… go in one file, **PATH**:" → the next block is the file's content;
 * "In **FILE**, change …:" → the next block is a hand edit of FILE; "SSH into **host**…", "…router…" → the next block
 * is for another machine (shown, never run here).
 */
export function proseEdits(markdown: string, line: number): ProseEdits {
	const actions: Action[] = [];
	const consumed = new Set<string>();
	// Each phrase is looked for only in a paragraph that has its fixed words: most have none of them.
	for (const match of markdown.includes('changing `') ? markdown.matchAll(/changing `([^`\n]+)` to `([^`\n]+)` in \*\*([^*\n]+)\*\*/g) : []) {
		actions.push({kind: 'edit', path: match[3]!.trim(), edit: {op: 'set-yaml', key: [match[1]!], value: match[2]!}, line});
		consumed.add(match[1]!).add(match[2]!);
	}

	for (const match of markdown.includes(' find `') ? markdown.matchAll(/\*\*([^*\n]+)\*\*,? find `([^`\n]+)` and change (?:the|its) value to `([^`\n]+)`/g) : []) {
		actions.push({kind: 'edit', path: match[1]!.trim(), edit: {op: 'set-yaml', key: match[2]!.split(':'), value: match[3]!}, line});
		consumed.add(match[2]!).add(match[3]!);
	}

	for (const match of markdown.includes('adding `') ? markdown.matchAll(/\badding `([^`\n]+)` (?:in|to) \*\*([^*\n]+)\*\*/g) : []) {
		actions.push({kind: 'edit', path: match[2]!.trim(), edit: {op: 'append-line', line: match[1]!}, line});
		consumed.add(match[1]!);
	}

	const trimmed = markdown.trim();
	let context: BlockContext | undefined;
	const files = boldFiles(markdown);
	const comment = markdown.includes('comment out the `') ? /comment out the `([^`\n]+)` line/.exec(markdown) : null;
	const create = markdown.includes('Create **') ? /\bCreate \*\*([^*\n]+)\*\*/.exec(markdown) : null;
	const looksLike = /such that the file looks like/.exec(markdown);
	if (comment && files.length > 0) {
		context = {kind: 'comment-and-insert', path: files[0]!.path, match: `^${escapeRegExp(comment[1]!)}(\\s|$)`};
		consumed.add(comment[1]!);
	} else if (trimmed.endsWith(':') && looksLike) {
		const before = files.filter((file) => file.index < looksLike.index).at(-1);
		if (before) context = {kind: 'write', path: before.path};
	} else if (trimmed.endsWith(':') && create && boldFiles(create[0]).length > 0) {
		context = {kind: 'write', path: create[1]!.trim()};
	} else if (endsWithNewFile(trimmed)) {
		context = {kind: 'write', path: files.at(-1)!.path};
	} else if (/\bssh\s+(?:in)?to\b|\b(?:router|switch)\b/i.test(markdown)) {
		context = {kind: 'remote'};
	} else if (trimmed.endsWith(':') && files.length > 0 && /\b(change|add|replac|uncomment|edit|append)/i.test(markdown)) {
		context = {kind: 'file-edit', path: files[0]!.path};
	}

	return {actions, consumed, context};
}
