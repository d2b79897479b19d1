import {isIP} from 'node:net';
import {InputError, type Parameter, type ParameterType} from '../types.js';
import {mentions} from './substitute.js';

const hostname = /^(?=.{1,253}$)(?!-)[A-Za-z\d-]{1,63}(?<!-)(\.(?!-)[A-Za-z\d-]{1,63}(?<!-))*$/;

const rules: Record<ParameterType, {test: (value: string) => boolean; expected: string}> = {
	domain: {test: (value) => hostname.test(value), expected: 'a host name such as example.org'},
	email: {test: (value) => /^[\w.+-]+@[A-Za-z\d-]+(\.[A-Za-z\d-]+)+$/.test(value) && hostname.test(value.split('@')[1]!), expected: 'an e-mail address'},
	// Not starting with `-`: a program would take it for an option (`git checkout --upload-pack=…`).
	version: {test: (value) => /^[\w.][\w./-]*$/.test(value), expected: 'a version, branch, tag or commit (letters, digits, . _ / -, not starting with -)'},
	ip: {test: (value) => isIP(value) !== 0, expected: 'an IP address'},
	ipv6: {test: (value) => isIP(value) === 6, expected: 'an IPv6 address'},
	path: {test: (value) => /^\/[\w./+@:-]*$/.test(value) && !value.split('/').includes('..'), expected: 'an absolute path (letters, digits, . _ - / + @ :)'},
	text: {test: (value) => value !== '' && !/[\n\r\0]/.test(value), expected: 'one line of text'},
	secret: {test: (value) => value !== '' && !/[\n\r\0]/.test(value), expected: 'one line of text'},
};

/** Why `value` is not a valid value of this type, or undefined when it is. */
export function invalidValue(type: ParameterType, value: string): string | undefined {
	const rule = rules[type];
	// JSON quoting keeps the message on one line whatever the value holds (a newline, a terminal escape).
	return rule.test(value) ? undefined : `expected ${rule.expected}, got ${JSON.stringify(value)}`;
}

/** Finds a parameter by name, ignoring case (`--set VERSION=…` and `--set version=…` are the same). */
export function findParameter(parameters: Parameter[], name: string): Parameter | undefined {
	return parameters.find((parameter) => parameter.name === name) ?? parameters.find((parameter) => parameter.name.toLowerCase() === name.toLowerCase());
}

/**
 * Validates `--set` values against the documents' parameters. Throws InputError naming `--set` for an unknown
 * name or an invalid value. Returns the values keyed by the parameters' own names.
 */
export function checkSetValues(parameters: Parameter[], set: Record<string, string>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(set)) {
		const parameter = findParameter(parameters, key);
		if (!parameter) {
			const known = [...new Set(parameters.map((candidate) => candidate.name))].join(', ') || 'none';
			throw new InputError(`unknown parameter '${key}' (known: ${known})`, '--set');
		}

		const problem = invalidValue(parameter.type, value);
		if (problem) throw new InputError(`${parameter.name}: ${problem}`, '--set');
		values[parameter.name] = value;
	}

	return values;
}

/**
 * Checks values read back from saved state as if they were typed: each known parameter's value must be valid for its
 * type (values of parameters the loaded documents do not have are left out). Throws InputError naming the state file.
 */
export function checkSavedValues(parameters: Parameter[], saved: Record<string, string>, file: string): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of Object.entries(saved)) {
		const parameter = parameters.find((candidate) => candidate.name === name);
		if (!parameter) continue;
		const problem = invalidValue(parameter.type, value);
		if (problem) throw new InputError(`state file ${file} is corrupt or untrusted (saved value of ${name}: ${problem}): it is kept as it is; move it away or run with --state DIR to start over`);
		values[name] = value;
	}

	return values;
}

/** The names a derived default refers to (`matrix.{domain}` → domain); none for a plain default. */
export function derivedFrom(parameter: Parameter): string[] {
	return [...(parameter.derive ?? '').matchAll(/\{([\w-]+)\}/g)].map((match) => match[1]!);
}

/**
 * A parameter's default given the other values: its derivation filled in (`matrix.{domain}` → `matrix.example.org`)
 * when every value it refers to is known, otherwise its plain default.
 */
export function defaultValue(parameter: Parameter, values: Record<string, string>): string | undefined {
	if (!parameter.derive || derivedFrom(parameter).some((name) => !values[name])) return parameter.default;
	return parameter.derive.replaceAll(/\{([\w-]+)\}/g, (_, name: string) => values[name]!);
}

/**
 * Every parameter's value: `given` (already validated) first, then the default (a derived one follows the values of
 * the parameters declared before it); parameters with neither are left out.
 */
export function parameterValues(parameters: Parameter[], given: Record<string, string> = {}): Record<string, string> {
	const values: Record<string, string> = {};
	for (const parameter of parameters) {
		const value = given[parameter.name] ?? defaultValue(parameter, values);
		if (value !== undefined) values[parameter.name] = value;
	}

	return values;
}

/** The parameters a step or runbook uses: those whose literal its text holds where substitution would replace it. */
export function parametersUsedIn(parameters: Parameter[], thing: unknown): Parameter[] {
	const text = JSON.stringify(thing);
	return parameters.filter((parameter) => mentions(text, parameter.literal));
}

/** Parameters that have no value (no default and not given): the operator must be asked. */
export function missingParameters(parameters: Parameter[], values: Record<string, string>): Parameter[] {
	return parameters.filter((parameter) => values[parameter.name] === undefined);
}

/** The parameters of several documents, each name once, as the first document (in order) that declares it has it. */
export function firstDeclarations(documents: Array<{parameters: Parameter[]}>): Parameter[] {
	const byName = new Map<string, Parameter>();
	for (const document of documents) for (const parameter of document.parameters) if (!byName.has(parameter.name)) byName.set(parameter.name, parameter);
	return [...byName.values()];
}
