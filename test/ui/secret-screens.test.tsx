// A secret never appears on a screen: the walkthrough runs the 22-secret fixture through the real engine, from the
// settings form (the secret typed) through each step's preview and run to the failure box and the verify report;
// every frame drawn is searched for every secret value.
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {render} from 'ink-testing-library';
import {EngineController} from '../../source/engine/controller.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {loadDocuments} from '../../source/load-documents.js';
import {App} from '../../source/ui/app.js';
import {MaskedController} from '../../source/ui/masked-controller.js';
import {leaks, secretParameter, secretsFixture} from '../helpers/secrets.js';
import {keys, waitForFrame} from '../helpers/wait-for.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test('the walkthrough shows no secret: form, checklist, previews, running steps, failure box, verify', async t => {
	const root = temporaryDirectory('tomesh-screens-');
	const work = path.join(root, 'work');
	mkdirSync(work);
	// The fixture's commands stay in $WORK.
	process.env.WORK = work;
	const controller = new MaskedController(new EngineController(loadDocuments([secretsFixture]), testEngineOptions(root)));
	const {frames, lastFrame, stdin, unmount} = render(<App controller={controller} mode="run" isRoot trial onExit={() => undefined} />);
	await waitForFrame(lastFrame, 'Start with Prepare and use them › step 1');
	stdin.write(keys.enter);
	// The password is asked before the first step that uses it.
	await waitForFrame(lastFrame, 'Password of the admin account');
	stdin.write(secretParameter.value);
	await waitForFrame(lastFrame, '*'.repeat(secretParameter.value.length));
	stdin.write(keys.enter);
	for (let number = 1; number <= 7; number++) {
		// The step, once its commands and diffs are worked out.
		await waitForFrame(lastFrame, new RegExp(`step ${number} of 7[\\s\\S]*What will happen\\n\\[`), 10_000);
		stdin.write(keys.enter);
		if (number < 7) await waitForFrame(lastFrame, `✔ Step ${number} done`, 15_000);
	}

	await waitForFrame(lastFrame, /✖ Failed \(exit code 7\)/, 15_000);
	await waitForFrame(lastFrame, 'Authorization: Bearer ********');
	stdin.write(keys.escape);
	await waitForFrame(lastFrame, 'verify all');
	stdin.write('v');
	await waitForFrame(lastFrame, /\d+ passed, \d+ failed/, 15_000);
	unmount();
	const seen = frames.join('\n');
	t.true(seen.includes('sshpass -p ******** ssh'), 'the commands are shown, their secrets masked');
	t.deepEqual(leaks(seen), []);
});
