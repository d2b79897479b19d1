/** As-you-type validation of parameter values: the domain's rules, with a shorter word for an empty field. */
import {invalidValue} from '../domain/params/parameters.js';
import type {ParameterType} from '../domain/types.js';

/** A message saying what is wrong with `value`, or undefined when it is acceptable for `type`. */
export function parameterProblem(type: ParameterType, value: string): string | undefined {
	if (value.trim() === '') return 'a value is required';
	return invalidValue(type, value);
}
