import {parse as parseYaml} from 'yaml';
import type {RawAnnotation} from './strip-annotations.js';
import {InputError, type Check, type EditOp, type ShellUser} from '../types.js';

/** A shell command written in an annotation (`# cmd` root, `$ cmd` user, no prompt = root). */
export interface AnnotatedCommand {
	as: ShellUser;
	command: string;
	/** 1-based line of the command in the document. */
	line: number;
}

/** Splits `a "b c" key='d e'` into words, honouring quotes (quotes removed). */
export function splitWords(text: string): string[] {
	const words: string[] = [];
	const pattern = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
	for (const match of text.matchAll(pattern)) words.push(match[0].replaceAll(/"([^"]*)"|'([^']*)'/g, '$1$2'));
	return words;
}

/** Separates `key=value` options from positional words. */
export function options(words: string[], allowed: string[], where: string): {positional: string[]; named: Map<string, string[]>} {
	const positional: string[] = [];
	const named = new Map<string, string[]>();
	for (const word of words) {
		const match = /^([a-z][a-z-]*)=(.*)$/s.exec(word);
		if (match && allowed.includes(match[1]!)) {
			named.set(match[1]!, [...(named.get(match[1]!) ?? []), match[2]!]);
		} else if (match && positional.length > 0 && /^[a-z][a-z-]*$/.test(match[1]!)) {
			throw new InputError(`unknown option '${match[1]}' (expected ${allowed.join(', ') || 'none'})`, where);
		} else {
			positional.push(word);
		}
	}

	return {positional, named};
}

/** Parses `# cmd` / `$ cmd` lines (continuations with a trailing `\` joined); `firstLine` is the line of `body[0]`. */
export function commandLines(body: string[], where: string, firstLine: number): AnnotatedCommand[] {
	const commands: AnnotatedCommand[] = [];
	for (let index = 0; index < body.length; index++) {
		const line = firstLine + index;
		let text = body[index]!;
		if (text.trim() === '') continue;
		while (text.endsWith('\\') && index + 1 < body.length) text += `\n${body[++index]!}`;
		const match = /^([#$])\s+(.*)$/s.exec(text.trim());
		commands.push(match ? {as: match[1] === '$' ? 'user' : 'root', command: match[2]!, line} : {as: 'root', command: text.trim(), line});
	}

	if (commands.length === 0) throw new InputError('expected one or more command lines (`# cmd` or `$ cmd`)', where);
	return commands;
}

/** Reads the YAML body of an `edit` annotation into an EditOp. */
export function editOp(body: string[], where: string): EditOp {
	let value: unknown;
	try {
		value = parseYaml(body.join('\n'));
	} catch (error) {
		throw new InputError(`edit body is not YAML: ${(error as Error).message.split('\n')[0]}`, where);
	}

	const data = (value ?? {}) as Record<string, unknown>;
	switch (data.op) {
		case 'set-yaml': {
			const key = typeof data.key === 'string' ? data.key.split(':') : data.key;
			if (!Array.isArray(key) || key.length === 0 || data.value === undefined) throw new InputError('set-yaml needs key and value', where);
			return {op: 'set-yaml', key: key.map(String), value: String(data.value)};
		}

		case 'append-line': {
			if (typeof data.line !== 'string') throw new InputError('append-line needs line', where);
			return {op: 'append-line', line: data.line};
		}

		case 'comment-and-insert': {
			const insert = typeof data.insert === 'string' ? [data.insert] : data.insert;
			if (typeof data.match !== 'string' || !Array.isArray(insert)) throw new InputError('comment-and-insert needs match and insert', where);
			return {op: 'comment-and-insert', match: data.match, insert: insert.map(String)};
		}

		default: {
			throw new InputError(`unknown edit op '${String(data.op)}' (expected set-yaml, append-line, comment-and-insert)`, where);
		}
	}
}

/** Reads a `check…` annotation into a Check. */
export function checkDirective(annotation: RawAnnotation, where: string): Check {
	const {directive, args, line} = annotation;
	const body = annotation.body.filter((text) => text.trim() !== '');
	const need = (ok: boolean, what: string) => {
		if (!ok) throw new InputError(`${directive} needs ${what}`, where);
	};

	switch (directive) {
		case 'check':
		case 'check-output': {
			need(args !== '', 'a command');
			const [command] = commandLines([args], where, line);
			const expect = directive === 'check-output' ? body.map((text) => text.trim()) : undefined;
			if (directive === 'check-output') need(expect!.length > 0, 'expected output lines in its body');
			return {kind: 'command', as: command!.as, command: command!.command, ...(expect ? {expect} : {}), line};
		}

		case 'check-http': {
			const {positional, named} = options(splitWords(args), ['status', 'contains'], where);
			need(positional.length === 1 && /^https?:\/\/\S+$/.test(positional[0]!), 'one http(s) URL');
			const status = named.get('status')?.[0];
			if (status !== undefined && !/^[1-5]\d\d$/.test(status)) throw new InputError(`bad status '${status}'`, where);
			const contains = named.get('contains')?.[0];
			return {kind: 'http', url: positional[0]!, ...(status ? {status: Number(status)} : {}), ...(contains ? {contains} : {}), line};
		}

		case 'check-port': {
			const match = /^(\S+):(\d{1,5})$/.exec(args);
			need(Boolean(match) && Number(match![2]) <= 65_535, 'HOST:PORT');
			return {kind: 'port', host: match![1]!, port: Number(match![2]), line};
		}

		case 'check-matrix': {
			const {positional, named} = options(splitWords(args), ['web'], where);
			need(positional.length === 1 && /^[A-Za-z\d.-]+(?::\d+)?$/.test(positional[0]!), 'one server name (the domain in user ids)');
			const web = named.get('web')?.[0];
			if (web !== undefined && !/^https?:\/\/\S+$/.test(web)) throw new InputError(`web= needs an http(s) URL, got '${web}'`, where);
			return {kind: 'matrix', serverName: positional[0]!, ...(web ? {web} : {}), line};
		}

		default: {
			const {positional, named} = options(splitWords(args), ['contains'], where);
			need(positional.length === 1, 'one path');
			const contains = named.get('contains');
			return {kind: 'file', path: positional[0]!, ...(contains ? {contains} : {}), line};
		}
	}
}

