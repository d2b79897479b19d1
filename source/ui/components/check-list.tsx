import {Box, Text} from 'ink';
import type {CheckResult} from '../../domain/events.js';
import type {Check} from '../../domain/types.js';
import {describeCheck} from '../../domain/describe-check.js';
import {checkMarks} from '../../domain/marks.js';

const resultColor = {pass: 'green', fail: 'red', skip: 'gray'} as const;

/** A step's checks: what each verifies, and once run, ✔/✖ with the detail and a hint. */
export function CheckList({checks, results, running}: {checks: Check[]; results?: CheckResult[]; running?: boolean}) {
	return (
		<Box marginTop={1} flexDirection="column">
			<Text bold underline>
				Checks afterwards{running ? ' (running…)' : ''}
			</Text>
			{results
				? results.map((r, i) => <CheckResultLine key={i} result={r} />)
				: checks.map((c, i) => <Text key={i}>{`  · ${describeCheck(c)}`}</Text>)}
			{results?.length === 0 ? <Text dimColor>  (this step has no checks)</Text> : null}
		</Box>
	);
}

/** One check result: mark, title, and for failures the detail and the hint. */
export function CheckResultLine({result, step}: {result: CheckResult; step?: number}) {
	return (
		<Box flexDirection="column">
			<Text>
				{'  '}
				<Text color={resultColor[result.status]}>{checkMarks[result.status]}</Text> {step === undefined ? '' : `${step}. `}
				{result.title}
				{result.status === 'pass' ? '' : <Text dimColor>{` — ${result.detail}`}</Text>}
			</Text>
			{result.hint && result.status !== 'pass' ? <Text color="yellow">{`    → ${result.hint}`}</Text> : null}
		</Box>
	);
}
