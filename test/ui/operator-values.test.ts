// Every text that reaches a screen or a report carries the operator's values, never the documents' own defaults.
import {rmSync} from 'node:fs';
import test from 'ava';
import {EngineController} from '../../source/engine/controller.js';
import {loadDocuments} from '../../source/load-documents.js';
import {MaskedController} from '../../source/ui/masked-controller.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {operatorValues, shownDefaults} from '../helpers/operator-values.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test('both shipped runbooks: titles, instructions, notes, checks and previews of every step use the operator\'s values', async t => {
	const root = temporaryDirectory('tomesh-values-');
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	const controller = new MaskedController(new EngineController(loadDocuments(), testEngineOptions(root, {values: operatorValues})));
	const shown = controller.documents.map(({parameters: _declared, ...document}) => document);
	t.deepEqual(shownDefaults(JSON.stringify(shown)), [], 'documents as the screens show them');
	t.deepEqual(shownDefaults(JSON.stringify(controller.runbooks)), [], 'runbooks (checklist, breadcrumbs, verify headings)');
	t.deepEqual(shownDefaults(JSON.stringify(controller.allProgress())), [], 'step progress (titles the checklist and running screen show)');
	const steps = controller.runbooks.flatMap(runbook => runbook.steps);
	t.true(steps.length > 40);
	for (const step of steps) {
		// eslint-disable-next-line no-await-in-loop
		const previews = await controller.preview(step.id);
		t.deepEqual(shownDefaults(JSON.stringify(previews)), [], `preview of ${step.id}`);
	}
});
