import type {SetupDocument, Step} from '../types.js';
import {lintRules, type LintPlace, type LintRule} from './rules.js';

/** One outdated instruction found in a document. */
export interface LintFinding {
	file: string;
	line: number;
	rule: string;
	/** The step it is in. */
	step: string;
	what: string;
	instead: string;
	since: string;
}

/** A piece of a step's text a rule can look at, with the document line its first character is on. */
interface PlacedText {
	place: LintPlace;
	text: string;
	line: number;
}

/** Every text of a step, by place, in the order findings prefer (a command's own line beats the step's prose). */
function stepTexts(step: Step): PlacedText[] {
	const texts: PlacedText[] = [];
	for (const action of step.actions) {
		if (action.kind === 'run') {
			texts.push({place: 'command', text: action.command, line: action.line});
			if (action.unless) texts.push({place: 'command', text: action.unless, line: action.line});
		} else if (action.kind === 'write') {
			texts.push({place: 'content', text: action.content, line: action.line}, {place: 'path', text: action.path, line: action.line});
		} else if (action.kind === 'edit') {
			const {edit} = action;
			const text = edit.op === 'set-yaml' ? `${edit.key.join(':')}: ${edit.value}` : edit.op === 'append-line' ? edit.line : [edit.match, ...edit.insert].join('\n');
			texts.push({place: 'content', text, line: action.line}, {place: 'path', text: action.path, line: action.line});
		} else if (action.kind === 'manual') {
			if (action.code !== undefined) texts.push({place: 'content', text: action.code, line: action.line});
			if (action.path !== undefined) texts.push({place: 'path', text: action.path, line: action.line});
		}
	}

	for (const check of step.checks) {
		if (check.kind === 'command') {
			texts.push({place: 'command', text: check.command, line: check.line});
			for (const [index, expected] of (check.expect ?? []).entries()) texts.push({place: 'content', text: expected, line: check.line + 1 + index});
		} else if (check.kind === 'file') {
			texts.push({place: 'path', text: check.path, line: check.line});
		}
	}

	// The markdown loses its annotation lines, so an offset inside it is not a document line: prose is reported at the step.
	texts.push({place: 'prose', text: step.markdown, line: step.line});
	for (const note of step.notes) texts.push({place: 'prose', text: note, line: step.line});
	return texts;
}

/** The first finding of `rule` in the texts, naming every distinct match; undefined when it does not apply. */
function apply(rule: LintRule, texts: PlacedText[], file: string, step: string): LintFinding | undefined {
	let first: {line: number} | undefined;
	const matched = new Set<string>();
	for (const {place, text, line} of texts) {
		if (!rule.where.includes(place)) continue;
		for (const match of text.matchAll(rule.pattern)) {
			matched.add(match[0]);
			first ??= {line: line + (text.slice(0, match.index).match(/\n/g)?.length ?? 0)};
		}
	}

	if (!first) return undefined;
	const what = rule.what.replace('{match}', [...matched].join(', '));
	return {file, line: first.line, rule: rule.id, step, what, instead: rule.instead, since: rule.since};
}

/**
 * The outdated instructions of the documents: every rule of the table applied to every step, at most one finding
 * per rule and step (at the first line it matches), sorted by file and line. Pure: reads only the model.
 */
export function lintDocuments(documents: SetupDocument[], rules: readonly LintRule[] = lintRules): LintFinding[] {
	const findings: LintFinding[] = [];
	for (const document of documents) {
		for (const step of document.runbooks.flatMap((runbook) => runbook.steps)) {
			const texts = stepTexts(step);
			for (const rule of rules) {
				const finding = apply(rule, texts, document.path, step.id);
				if (finding) findings.push(finding);
			}
		}
	}

	const order = new Map(documents.map((document, index) => [document.path, index]));
	return findings.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.rule.localeCompare(b.rule));
}
