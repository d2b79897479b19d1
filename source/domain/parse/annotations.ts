import {checkDirective, commandLines, editOp, options, splitWords, type AnnotatedCommand} from './annotation-arguments.js';
import type {RawAnnotation} from './strip-annotations.js';
import {InputError, type Check, type EditOp, type ParameterType} from '../types.js';

export type {AnnotatedCommand} from './annotation-arguments.js';

/** An annotation after validation: what it asks the parser to do. */
export type Directive =
	| {kind: 'param'; line: number; name: string; literal: string; type: ParameterType; default?: string; prompt?: string}
	| {kind: 'run'; line: number; commands: AnnotatedCommand[]}
	| {kind: 'unless'; line: number; command: string}
	| {kind: 'edit'; line: number; path: string; edit: EditOp}
	| {kind: 'write'; line: number; path: string; content: string}
	| {kind: 'cwd'; line: number; dir: string}
	| {kind: 'settle'; line: number; seconds: number}
	| {kind: 'check'; line: number; check: Check}
	| {kind: 'about'; line: number; targets?: string; writtenFor?: string; supersededBy?: string}
	| {kind: 'manual'; line: number}
	| {kind: 'ignore'; line: number};

const parameterTypes = new Set<ParameterType>(['domain', 'email', 'version', 'ip', 'ipv6', 'path', 'text', 'secret']);

// A parameter whose name says it is a secret is one, whatever type it was given by default.
const secretName = /password|passwd|secret|token|api[_-]?key/i;

/** The type of a parameter named `name` declared with `type` (absent = not given): names like *password* are secrets. */
export function parameterType(name: string, type: ParameterType | undefined): ParameterType {
	if (type === undefined || type === 'text') return secretName.test(name) ? 'secret' : 'text';
	return type;
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
			const given = named.get('type')?.[0] as ParameterType | undefined;
			const type = parameterType(name, given);
			if (given !== undefined && !parameterTypes.has(given)) throw new InputError(`unknown parameter type '${given}' (expected ${[...parameterTypes].join(', ')})`, where);
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

		case 'settle': {
			noBody();
			const seconds = Number(args);
			if (args === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new InputError('settle needs a number of seconds (1 to 3600)', where);
			return {kind: 'settle', line, seconds};
		}

		case 'check':
		case 'check-output':
		case 'check-http':
		case 'check-port':
		case 'check-file':
		case 'check-matrix': {
			if (directive !== 'check-output') noBody();
			return {kind: 'check', line, check: checkDirective(annotation, where)};
		}

		case 'targets': {
			noBody();
			const words = splitWords(args);
			if (words.length !== 1) throw new InputError('targets needs one quoted list of systems, e.g. targets "Debian 12, Ubuntu 24.04"', where);
			return {kind: 'about', line, targets: words[0]!};
		}

		case 'written-for': {
			noBody();
			// `superseded-by FILE` and `superseded-by=FILE` say the same.
			const words = splitWords(args).flatMap((word, index, all) => (all[index - 1] === 'superseded-by' ? [] : word === 'superseded-by' ? [`superseded-by=${all[index + 1] ?? ''}`] : [word]));
			const {positional, named} = options(words, ['superseded-by'], where);
			if (positional.length !== 1) throw new InputError('written-for needs one quoted system, e.g. written-for "Debian 8 (2016)"', where);
			const supersededBy = named.get('superseded-by')?.[0];
			if (supersededBy === '') throw new InputError('superseded-by needs a file name', where);
			return {kind: 'about', line, writtenFor: positional[0]!, ...(supersededBy ? {supersededBy} : {})};
		}

		case 'manual':
		case 'ignore': {
			noBody();
			if (args !== '') throw new InputError(`'${directive}' takes no arguments`, where);
			return {kind: directive, line};
		}

		default: {
			throw new InputError(
				`unknown annotation '${directive}' (expected param, run, unless, edit, write, cwd, settle, check, check-output, check-http, check-port, check-file, check-matrix, targets, written-for, manual, ignore)`,
				where,
			);
		}
	}
}
