// The diff shown is the change applied: `plan` (computed before anything ran, diffs chained through earlier steps),
// the walkthrough's preview (just before each step) and execution name the same files and the same diffs.
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {liveEnvironment} from '../../source/commands/plan.js';
import type {RunEvent} from '../../source/domain/events.js';
import {buildPlan} from '../../source/domain/plan/build-plan.js';
import {loadDocuments} from '../../source/load-documents.js';
import {EngineController} from '../../source/engine/controller.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {loadYamlLibrary} from '../../source/domain/edit/yaml-library.js';
import {temporaryDirectory} from '../helpers/temporary.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

const documentPath = fileURLToPath(new URL('../fixtures/acceptance/one-planner.md', import.meta.url));

test('plan, preview and execution: one path and one diff for every file change, cd inside a step included', async t => {
	const root = temporaryDirectory('tomesh-one-planner-');
	const base = path.join(root, 'srv');
	const values = {base};
	const documents = loadDocuments([documentPath]);
	const options = testEngineOptions(root, {values});
	const plan = buildPlan(documents, values, liveEnvironment(options.env));
	const planned = plan[0]!.runbooks[0]!.steps.map(step => step.actions.filter(action => action.kind === 'write' || action.kind === 'edit').map(action => [action.target, action.diff]));
	t.deepEqual(
		planned.flat().map(([target]) => target),
		[`${base}/app/notes.txt`, `${base}/app/notes.txt`, `${base}/app/data/config.yaml`, `${base}/app/data/config.yaml`],
		'plan follows the cd inside step 1 and the `mkdir && cd` of step 3',
	);

	const engine = new EngineController(documents, options);
	for (const [index, progress] of engine.allProgress().entries()) {
		const preview = (await engine.preview(progress.step.id)).filter(item => item.path !== undefined).map(item => [item.path, item.diff]);
		t.deepEqual(preview, planned[index], `step ${index + 1}: the preview is the plan`);
		const applied: string[] = [];
		const onEvent = (event: RunEvent) => {
			if (event.type === 'action-end' && event.diff !== undefined) applied.push(event.diff);
		};

		t.is(await engine.runStep(progress.step.id, {onEvent}), 'done', `step ${index + 1} runs`);
		t.deepEqual(applied, planned[index]!.map(([, diff]) => diff), `step ${index + 1}: the change applied is the diff shown`);
	}

	t.is(await readFile(path.join(base, 'app/notes.txt'), 'utf8'), 'first\nsecond\n');
	t.is(await readFile(path.join(base, 'app/data/config.yaml'), 'utf8'), 'enable_registration: True\n');
});

test('a file change whose directory the shell does not agree with is refused, nothing written', async t => {
	const root = temporaryDirectory('tomesh-one-planner-');
	const work = path.join(root, 'work');
	const document = path.join(root, 'doc.md');
	await mkdir(work);
	// `pushd` moves the shell, but no planner can see it: the write must not land anywhere but where it was shown.
	await writeFile(document, `# Doc\n\n## Area\n\n### Things\n\n1. Move and write:\n\n\t\`\`\`\n\t# cd ${work}\n\t# mkdir -p sub && pushd sub\n\t\`\`\`\n\n\tCreate **here.txt**:\n\n\t\`\`\`\n\thi\n\t\`\`\`\n`);
	const engine = new EngineController(loadDocuments([document]), testEngineOptions(root));
	const [step] = engine.allProgress();
	const [, , write] = await engine.preview(step!.step.id);
	t.is(write!.path, path.join(work, 'here.txt'));
	const messages: string[] = [];
	t.is(await engine.runStep(step!.step.id, {onEvent: event => event.type === 'step-end' && messages.push(event.message ?? '')}), 'failed');
	t.regex(messages[0]!, /not changed: the shell is in .*sub, so here\.txt would be .*sub\/here\.txt, not .*work\/here\.txt as shown/);
	t.false(existsSync(path.join(work, 'here.txt')));
	t.false(existsSync(path.join(work, 'sub', 'here.txt')));
});
