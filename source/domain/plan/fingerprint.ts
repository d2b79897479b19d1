import {createHash} from 'node:crypto';
import type {Step} from '../types.js';

/**
 * A short hash of what a step does (its text, actions and checks, without line numbers), saved when it is done so that
 * a step whose document text changed since can be shown as "changed". Moving a step within the document keeps it.
 */
export function stepFingerprint(step: Step): string {
	const withoutLines = (key: string, value: unknown) => (key === 'line' ? undefined : value);
	const text = JSON.stringify({markdown: step.markdown, actions: step.actions, checks: step.checks, cwd: step.cwd}, withoutLines);
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
