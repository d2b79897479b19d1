import test from 'ava';
import {replacements, substituteShell} from '../../../source/domain/params/substitute.js';
import type {Parameter} from '../../../source/domain/types.js';
import {hostileValues, injectionContexts} from '../../helpers/injection-cases.js';
import {runInjectionMatrix} from '../../helpers/injection-matrix.js';

const parameter = (literal: string): Parameter[] => [{name: 'DB_PASSWORD', literal, type: 'text', line: 1}];

// Every third value in the suite (TOMESH_FULL_MATRIX=1: all of them): each context still meets quotes of both kinds,
// backslashes, $( ), backquotes, arithmetic, a here-document's delimiter and a program's option.
const values = process.env.TOMESH_FULL_MATRIX ? hostileValues : hostileValues.filter((_value, index) => index % 3 === 0);

test('no value runs as code in any quoting context, and every value that is let through arrives intact', (t) => {
	const runs = runInjectionMatrix((command, literal, value) => substituteShell(command, replacements(parameter(literal), {DB_PASSWORD: value})), values);
	t.true(runs.length >= 400, `${runs.length} runs`);
	t.deepEqual(
		runs.filter((run) => run.outcome === 'executed').map((run) => `${run.context}: ${run.value}`),
		[],
	);
	t.deepEqual(
		runs.filter((run) => run.wrongOutput).map((run) => `${run.context}: ${run.value} → ${JSON.stringify(run.wrongOutput)}`),
		[],
	);
	// Refusing everything would pass the two checks above: plain quoting contexts must take every value.
	const plain = new Set(injectionContexts.filter((context) => context.prints).map((context) => context.name));
	t.deepEqual(
		runs.filter((run) => run.outcome === 'refused' && plain.has(run.context) && run.value !== 'EOF').map((run) => `${run.context}: ${run.value}`),
		[],
	);
});
