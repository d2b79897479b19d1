import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {buildPlan} from '../../source/domain/plan/build-plan.js';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {planJson} from '../../source/reporters/plan-json.js';
import {renderPlanText} from '../../source/reporters/plan-text.js';
import {repoRoot, seedArgument, seedPath} from '../domain/seed-paths.js';

const goldenPath = path.join(repoRoot, 'test/fixtures/seed-plan.golden.json');
// An empty machine, so the golden's diffs do not depend on this one: every file is missing, plan runs from /root.
const emptyMachine = {readFile: () => undefined, origin: () => ({cwd: '/root', home: '/root', env: {}})};

const plan = () => buildPlan([parseDocument(readFileSync(seedPath, 'utf8'), seedArgument)], {}, emptyMachine);

test('the seed\'s plan matches the golden JSON (UPDATE_GOLDEN=1 regenerates it)', (t) => {
	const actual = `${JSON.stringify(planJson(plan()), null, 2)}\n`;
	if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, actual);
	t.true(existsSync(goldenPath), 'run with UPDATE_GOLDEN=1 to create the golden file');
	t.is(actual, readFileSync(goldenPath, 'utf8'));
});

test('the JSON has the contract fields and diffs on write/edit actions', (t) => {
	const json = planJson(plan());
	const [document] = json.documents;
	t.is(document!.runbooks.length, 7);
	const step = document!.runbooks[2]!.steps[1]!;
	t.like(step, {id: 'set-up-martix-homeserver.set-up-https-with-nginx-and-letsencrypt/2', number: 2, line: 86});
	t.like(step.actions[0], {kind: 'write', path: '/etc/nginx/sites-available/matrix.tomesh.net'});
	t.regex(step.actions[0]!.diff!, /^--- \/dev\/null\n\+\+\+ \/etc\/nginx\/sites-available\/matrix\.tomesh\.net\n@@ -0,0 \+1,56 @@/);
	t.like(document!.runbooks[0]!.steps[4]!.actions[0], {kind: 'edit', problem: '/root/.synapse/homeserver.yaml does not exist (an earlier step creates it)'});
	t.deepEqual(json.parameters.map((parameter) => parameter.name), ['domain', 'matrix_host', 'chat_host', 'email', 'version']);
});

test('the text plan shows root and user commands, diffs, checks and notes', (t) => {
	const text = renderPlanText(plan());
	t.regex(text, /^ {5}# synctl start$/m);
	t.regex(text, /^ {5}\$ git clone https:\/\/github\.com\/vector-im\/vector-web\.git$/m);
	t.regex(text, /^ {7}\+ {4}server_name chat\.tomesh\.net;$/m);
	t.regex(text, /^ {5}check: \$ node -v → expects "v6\.4\.0"$/m);
	t.regex(text, /^ {5}note: If you want to stop the server at some point, run synctl stop\.$/m);
	t.regex(text, /^ {5}reboot/m);
	t.regex(text, /^== Set Up Vector Web Client › Serve Vector Web at chat\.tomesh\.net {2}\[set-up-vector-web-client\.serve-vector-web-at-chat-tomesh-net\]$/m);
});
