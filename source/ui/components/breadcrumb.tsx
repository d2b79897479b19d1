import {Text} from 'ink';
import type {Runbook} from '../../domain/types.js';

/** "component › runbook › step n of N" above a step. */
export function Breadcrumb({runbook, index}: {runbook: Runbook; index: number}) {
	const parts = [runbook.group, runbook.title, `step ${index + 1} of ${runbook.steps.length}`].filter(Boolean);
	return <Text dimColor>{parts.join(' › ')}</Text>;
}
