import {Box, Text} from 'ink';
import {describeKind, procedureKind} from '../../domain/plan/procedure-kind.js';
import type {Controller} from '../../engine/controller-types.js';
import {locateStep} from '../checklist-model.js';
import {KeyFooter} from '../components/key-footer.js';
import {useKeys} from '../hooks/use-keys.js';

/** Props of the stop between two procedures. */
export interface BetweenProps {
	controller: Controller;
	/** The runbook just finished. */
	from: string;
	/** The first step of the next procedure. */
	stepId: string;
	flash?: string;
	onRun: () => void;
	onNotNow: () => void;
	onQuit: () => void;
}

/** Says that the next procedure is of another kind (an upgrade after the setup) and runs it only when asked to. */
export function BetweenProcedures({controller, from, stepId, flash, onRun, onNotNow, onQuit}: BetweenProps) {
	const finished = controller.runbooks.find(r => r.id === from);
	const next = locateStep(controller, stepId)?.runbook;
	useKeys((input, key) => {
		if (input === 'y') onRun();
		else if (input === 'n' || key.escape) onNotNow();
		else if (input === 'q') onQuit();
	});
	if (!next) return null;
	const kind = procedureKind(next);
	const done = finished ? `${procedureKind(finished) === 'setup' ? 'Setup' : 'Maintenance'}: ${finished.title} is complete.` : '';
	return (
		<Box flexDirection="column">
			{flash ? <Text color="green">{flash}</Text> : null}
			<Text bold>{done}</Text>
			<Text>
				Next: <Text bold>{next.title}</Text> — {describeKind(kind)}.
			</Text>
			<Text color="yellow">Run it now?</Text>
			<KeyFooter
				keys={[
					{key: 'y', label: 'run it now'},
					{key: 'n', label: kind === 'maintenance' ? 'not now: go on with the setup' : 'not now'},
					{key: 'q', label: 'quit'},
				]}
			/>
		</Box>
	);
}
