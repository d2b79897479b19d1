import {invalidValue} from '../params/parameters.js';
import {isPlaceholder} from '../params/substitute.js';
import type {Action, Parameter, ParameterType, SetupDocument, Step} from '../types.js';

interface Found {
	literal: string;
	type: ParameterType;
	name: string;
	line: number;
	placeholder: boolean;
}

// The document's own values: the server name, the hosts it serves, the e-mail it registers with.
// `needs`: words every match contains, so that the many texts without them are not searched (a call per text costs
// more than the scan on a document of ten thousand short steps).
const valuePatterns: Array<{pattern: RegExp; needs: string[]; type: ParameterType; role: 'domain' | 'host' | 'email'}> = [
	{pattern: /--server-name[=\s]+([^\s\\'"]+)/g, needs: ['--server-name'], type: 'domain', role: 'domain'},
	{pattern: /\bserver_name\s+([^\s;]+);/g, needs: ['server_name'], type: 'domain', role: 'host'},
	{pattern: /(?:letsencrypt|certbot)\S*\s[^\n]*?\s-d\s+([^\s\\'"]+)/g, needs: ['letsencrypt', 'certbot'], type: 'domain', role: 'host'},
	{pattern: /\/etc\/nginx\/sites-available\/([A-Za-z\d.-]+\.[A-Za-z]{2,})\b/g, needs: ['/etc/nginx/sites-available/'], type: 'domain', role: 'host'},
	{pattern: /--email[=\s]+([^\s\\'"]+)/g, needs: ['--email'], type: 'email', role: 'email'},
];

const matchesOf = (text: string, pattern: RegExp, needs: string): Iterable<RegExpMatchArray> => (text.includes(needs) ? text.matchAll(pattern) : []);

const assignment = /\b([A-Z][A-Z\d_]*)=/g;
const inlineCode = /`([^`\n]+)`/g;

const underscoredWord = /(?<![$\w{])[A-Z][A-Z\d]*(?:_[A-Z\d]+)+(?![\w=])/g;
// `IPv6:ADDRESS`: a capitalised prefix, so cipher lists (`SHA256:ECDHE`) and URLs (`host.net:PASSWORD@`) are not taken.
const prefixedWord = /(?<![$\w{:.@])(?:IPv[46]|[A-Z][a-z][A-Za-z\d]*):[A-Z][A-Z\d_]{2,}(?![\w:])/g;
// "replace USERNAME with …" names a placeholder even when it is not inline code.
const replaceWord = /\breplac\w*\s+`?([A-Z][A-Z\d_]{2,})`?\s+with\b/g;

function actionTexts(action: Action): string[] {
	switch (action.kind) {
		case 'run': {
			return [action.command];
		}

		case 'write': {
			return [action.path, action.content];
		}

		case 'edit': {
			return [action.path, JSON.stringify(action.edit)];
		}

		case 'manual': {
			return [action.code ?? '', action.path ?? ''];
		}

		default: {
			return [];
		}
	}
}

function placeholderType(literal: string): ParameterType {
	if (/PASSWORD|PASSWD|SECRET|TOKEN/.test(literal)) return 'secret';
	if (/IPV6/i.test(literal)) return 'ipv6';
	if (/(^|_)IP(_|$)/.test(literal)) return 'ip';
	if (/VERSION|TAG|COMMIT/.test(literal)) return 'version';
	if (/DOMAIN|HOST/.test(literal)) return 'domain';
	if (/EMAIL/.test(literal)) return 'email';
	return 'text';
}

const parameterName = (text: string) => text.toLowerCase().replaceAll(/[^\da-z]+/g, '_').replaceAll(/^_|_$/g, '');

/**
 * Finds the parameters of a document that has no `param` annotations: its own values (`--server-name X` → domain,
 * nginx `server_name X;`, certbot `-d X`, `sites-available/X` → `<first label>_host`, `--email X` → email, each
 * defaulting to the document's value) and ALL-CAPS placeholders used in commands or named as inline code
 * (`VERSION` → `version`, no default: it must be asked).
 */
export function detectParameters(document: SetupDocument): Parameter[] {
	const found = new Map<string, Found>();
	const add = (candidate: Found) => {
		if (found.has(candidate.literal)) return;
		// A document value must itself be valid; a placeholder never is (it is a name for the value).
		if (candidate.placeholder || invalidValue(candidate.type, candidate.literal) === undefined) found.set(candidate.literal, candidate);
	};

	// Loops rather than flatMaps: a document can have tens of thousands of steps.
	const steps: Step[] = [];
	for (const runbook of document.runbooks) for (const step of runbook.steps) steps.push(step);
	const everything: Array<{text: string; line: number}> = [];
	for (const step of steps) {
		for (const action of step.actions) for (const text of actionTexts(action)) everything.push({text, line: action.line});
		for (const check of step.checks) everything.push({text: 'command' in check ? check.command : '', line: check.line});
	}

	const assigned = new Set<string>();
	for (const {text} of everything) for (const match of matchesOf(text, assignment, '=')) assigned.add(match[1]!);
	for (const {pattern, needs, type, role} of valuePatterns) {
		for (const {text, line} of everything) {
			if (!needs.some((word) => text.includes(word))) continue;
			for (const match of text.matchAll(pattern)) {
				const literal = match[1]!.replace(/\.$/, '');
				const name = role === 'host' ? `${parameterName(literal.split('.')[0]!)}_host` : role;
				add({literal, type, name, line, placeholder: false});
			}
		}
	}

	for (const step of steps) {
		const placeholder = (literal: string) => {
			if (!assigned.has(literal)) add({literal, type: placeholderType(literal), name: parameterName(literal), line: step.line, placeholder: true});
		};

		// Inline code, then the words of each action, then "replace X with": the order the first of them is found in.
		for (const match of matchesOf(step.markdown, inlineCode, '`')) {
			const literal = match[1]!.trim();
			if (isPlaceholder(literal)) placeholder(literal);
		}

		for (const action of step.actions) {
			for (const text of action.kind === 'run' ? [action.command] : actionTexts(action)) {
				for (const match of matchesOf(text, underscoredWord, '_')) placeholder(match[0]);
				for (const match of matchesOf(text, prefixedWord, ':')) placeholder(match[0]);
			}
		}

		for (const match of matchesOf(step.markdown, replaceWord, 'replac')) placeholder(match[1]!);
	}

	const names = new Set<string>();
	return [...found.values()].map((candidate) => {
		let name = candidate.name;
		for (let suffix = 2; names.has(name); suffix++) name = `${candidate.name}_${suffix}`;
		names.add(name);
		return {
			name,
			literal: candidate.literal,
			type: candidate.type,
			...(candidate.placeholder ? {prompt: `Value for ${candidate.literal}`} : {default: candidate.literal}),
			line: candidate.line,
		};
	});
}
