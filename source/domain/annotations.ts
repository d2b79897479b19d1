import {parse as parseYaml} from 'yaml';
import type {RawAnnotation} from './strip-annotations.js';
import {InputError, type Check, type EditOp, type ParameterType, type ShellUser} from './types.js';

/** A shell command written in an annotation body (`# cmd` root, `$ cmd` user, no prompt = root). */
export interface AnnotatedCommand {
	as: ShellUser;
	command: string;
	/** 1-based line of the command in the document. */
	line: number;
}

/** An annotation after validation: what it asks the parser to do. */
export type Directive =
	| {kind: 'param'; line: number; name: string; literal: string; type: ParameterType; default?: string; prompt?: string}
	| {kind: 'run'; line: number; commands: AnnotatedCommand[]}
	| {kind: 'unless'; line: number; command: string}
	| {kind: 'edit'; line: number; path: string; edit: EditOp}
	| {kind: 'write'; line: number; path: string; content: string}
	| {kind: 'cwd'; line: number; dir: string}
	| {kind: 'check'; line: number; check: Check}
	| {kind: 'manual'; line: number}
	| {kind: 'ignore'; line: number};

const parameterTypes = new Set<ParameterType>(['domain', 'email', 'version', 'ip', 'ipv6', 'path', 'text']);

/** Splits `a "b c" key='d e'` into words, honouring quotes (quotes removed). */
export function splitWords(text: string): string[] {
	const words: string[] = [];
	const pattern = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
	for (const match of text.matchAll(pattern)) words.push(match[0].replaceAll(/"([^"]*)"|'([^']*)'/g, '$1$2'));
	return words;
}

/** Separates `key=value` options from positional words. */
function options(words: string[], allowed: string[], where: string): {positional: string[]; named: Map<string, string[]>} {
	const positional: string[] = [];
	const named = new Map<string, string[]>();
	for (const word of words) {
		const match = /^([a-z]+)=(.*)$/s.exec(word);
		if (match && allowed.includes(match[1]!)) {
			named.set(match[1]!, [...(named.get(match[1]!) ?? []), match[2]!]);
		} else if (match && positional.length > 0 && /^[a-z]+$/.test(match[1]!)) {
			throw new InputError(`unknown option '${match[1]}' (expected ${allowed.join(', ') || 'none'})`, where);
		} else {
			positional.push(word);
		}
	}

	return {positional, named};
}

/** Parses `# cmd` / `$ cmd` lines (continuations with a trailing `\` joined); `firstLine` is the line of `body[0]`. */
function commandLines(body: string[], where: string, firstLine: number): AnnotatedCommand[] {
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

function editOp(body: string[], where: string): EditOp {
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

function checkDirective(annotation: RawAnnotation, where: string): Check {
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

		default: {
			const {positional, named} = options(splitWords(args), ['contains'], where);
			need(positional.length === 1, 'one path');
			const contains = named.get('contains');
			return {kind: 'file', path: positional[0]!, ...(contains ? {contains} : {}), line};
		}
	}
}

/** Validates one annotation and returns what it means; throws InputError `file:line: …` when it is wrong. */
export function interpretAnnotation(annotation: RawAnnotation, file: string): Directive {
	const {directive, args, line} = annotation;
	const body = directive === 'write' ? annotation.body : annotation.body.filter((text) => text.trim() !== '');
	const where = `${file}:${line}`;
	const noBody = () => {
		if (body.length > 0) throw new InputError(`'${directive}' takes no body`, where);
	};

	switch (directive) {
		case 'param': {
			noBody();
			const {positional, named} = options(splitWords(args), ['type', 'prompt', 'default'], where);
			const [name, literal] = positional;
			if (!name || !/^[A-Za-z_][\w-]*$/.test(name)) throw new InputError('param needs a NAME (letters, digits, _ or -)', where);
			if (!literal || positional.length > 2) throw new InputError('param needs exactly one LITERAL after its name', where);
			const type = (named.get('type')?.[0] ?? 'text') as ParameterType;
			if (!parameterTypes.has(type)) throw new InputError(`unknown parameter type '${type}' (expected ${[...parameterTypes].join(', ')})`, where);
			const defaultValue = named.get('default')?.[0];
			const prompt = named.get('prompt')?.[0];
			return {kind: 'param', line, name, literal, type, ...(defaultValue === undefined ? {} : {default: defaultValue}), ...(prompt ? {prompt} : {})};
		}

		case 'run': {
			if (args !== '') throw new InputError("'run' takes its commands in its body, one `# cmd` per line", where);
			return {kind: 'run', line, commands: commandLines(annotation.body, where, line + 1)};
		}

		case 'unless': {
			noBody();
			if (args === '') throw new InputError('unless needs a command', where);
			return {kind: 'unless', line, command: args};
		}

		case 'edit': {
			if (splitWords(args).length !== 1) throw new InputError('edit needs one PATH', where);
			return {kind: 'edit', line, path: splitWords(args)[0]!, edit: editOp(body, where)};
		}

		case 'write': {
			if (splitWords(args).length !== 1) throw new InputError('write needs one PATH', where);
			return {kind: 'write', line, path: splitWords(args)[0]!, content: body.length > 0 ? `${body.join('\n')}\n` : ''};
		}

		case 'cwd': {
			noBody();
			if (splitWords(args).length !== 1) throw new InputError('cwd needs one directory', where);
			return {kind: 'cwd', line, dir: splitWords(args)[0]!};
		}

		case 'check':
		case 'check-output':
		case 'check-http':
		case 'check-port':
		case 'check-file': {
			if (directive !== 'check-output') noBody();
			return {kind: 'check', line, check: checkDirective(annotation, where)};
		}

		case 'manual':
		case 'ignore': {
			noBody();
			if (args !== '') throw new InputError(`'${directive}' takes no arguments`, where);
			return {kind: directive, line};
		}

		default: {
			throw new InputError(
				`unknown annotation '${directive}' (expected param, run, unless, edit, write, cwd, check, check-output, check-http, check-port, check-file, manual, ignore)`,
				where,
			);
		}
	}
}
