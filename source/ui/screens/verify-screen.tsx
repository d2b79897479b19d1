import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useEffect, useState} from 'react';
import type {CheckResult} from '../../domain/events.js';
import {inDocumentOrder} from '../../domain/check-order.js';
import type {Controller} from '../../engine/controller-types.js';
import {CheckResultLine} from '../components/check-list.js';
import {KeyFooter} from '../components/key-footer.js';
import {ScreenFrame, scrollHint} from '../components/screen-frame.js';
import {useKeys} from '../hooks/use-keys.js';

/** Props of the verify screen. */
export interface VerifyScreenProps {
	controller: Controller;
	/** Quit with the exit code of headless verify (0 all pass, 1 any failure). */
	onQuit: (code: number) => void;
	/** Back to the checklist (absent when verify is the whole session). */
	onBack?: () => void;
}

/**
 * Every check of every runbook, shown as it finishes, grouped by runbook, then a summary. Changes nothing. A report
 * taller than the terminal scrolls between its title and the summary and keys.
 */
export function VerifyScreen({controller, onQuit, onBack}: VerifyScreenProps) {
	const [results, setResults] = useState<CheckResult[]>([]);
	const [finished, setFinished] = useState(false);
	const [error, setError] = useState<string | undefined>();
	useEffect(() => {
		let live = true;
		// Leaving the screen stops the checks still running.
		const abort = new AbortController();
		const seen: CheckResult[] = [];
		controller
			.verifyAll({
				signal: abort.signal,
				onEvent(event) {
					if (event.type !== 'check' || !live) return;
					seen.push(event.result);
					setResults([...seen]);
				},
			})
			.then(
				all => {
					if (!live) return;
					// The returned list is authoritative (a controller may not emit an event for every check).
					if (all.length !== seen.length) setResults(all);
					setFinished(true);
				},
				(error_: unknown) => {
					if (!live) return;
					setError(error_ instanceof Error ? error_.message : String(error_));
					setFinished(true);
				},
			);
		return () => {
			live = false;
			abort.abort();
		};
	}, [controller]);
	const fail = results.filter(r => r.status === 'fail').length;
	const pass = results.filter(r => r.status === 'pass').length;
	const skip = results.length - fail - pass;
	const code = fail > 0 || error ? 1 : 0;
	useKeys((input, key) => {
		if (input === 'q' || key.return || (key.ctrl && input === 'c')) onQuit(finished ? code : 1);
		if (key.escape && onBack) onBack();
	});
	const titles = new Map(controller.runbooks.map(r => [r.id, r.title]));
	const numbers = new Map(controller.runbooks.flatMap(r => r.steps.map(s => [s.id, s.number] as const)));
	// Document order, whatever order the checks finished in: they run concurrently; the report reads top to bottom like the checklist.
	const ordered = inDocumentOrder(results, controller.runbooks);
	const groups = [...new Set(ordered.map(r => r.runbook))];
	const footer = (scrolls: boolean) => (
		<>
			{error ? <Text color="red">✖ verify could not run: {error}</Text> : null}
			<Box marginTop={1}>
				{finished ? (
					<Text bold color={code === 0 ? 'green' : 'red'}>
						{`${pass} passed, ${fail} failed, ${skip} skipped`}
						{code === 0 ? ' — all good' : ''}
					</Text>
				) : (
					<Text>
						<Spinner type="dots" /> {results.length} checks done…
					</Text>
				)}
			</Box>
			<KeyFooter keys={[{key: 'q', label: 'quit'}, ...(onBack ? [{key: 'Esc', label: 'back'}] : []), ...(scrolls ? [scrollHint] : [])]} />
		</>
	);
	return (
		<ScreenFrame header={<Text bold>Verify: every check, nothing changed</Text>} footer={footer}>
			{groups.map(id => (
				<Box key={id} flexDirection="column" marginTop={1}>
					<Text bold underline>{titles.get(id) ?? id}</Text>
					{ordered
						.filter(r => r.runbook === id)
						.map((r, i) => (
							<CheckResultLine key={i} result={r} step={numbers.get(r.step)} />
						))}
				</Box>
			))}
		</ScreenFrame>
	);
}
