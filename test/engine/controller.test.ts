import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {RunEvent} from '../../source/domain/events.js';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {EngineController} from '../../source/engine/controller.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {temporaryDirectory} from '../helpers/temporary.js';

function setup(markdown: string) {
	const root = temporaryDirectory('tomesh-controller-');
	const work = path.join(root, 'work');
	mkdirSync(work);
	const document = parseDocument(markdown.replaceAll('$WORK', work), path.join(root, 'doc.md'));
	const open = () => new EngineController([document], testEngineOptions(root));
	return {root, work, open, steps: document.runbooks[0]!.steps.map(step => step.id)};
}

const doc = (items: string) => `# Fixture\n\n## Area\n\n### Things\n\n${items}`;

test('an abort during a step kills it, marks it interrupted and saves that', async t => {
	const {work, open, steps} = setup(doc('1. Wait:\n\n\t```\n\t# touch $WORK/started\n\t# sleep 60\n\t```\n'));
	const controller = open();
	const abort = new AbortController();
	const events: RunEvent[] = [];
	const running = controller.runStep(steps[0]!, {signal: abort.signal, onEvent: event => {
		events.push(event);
		if (event.type === 'action-end' && event.index === 0) abort.abort();
	}});
	t.is(await running, 'interrupted');
	t.true(existsSync(path.join(work, 'started')));
	t.like(events.at(-1), {type: 'step-end', status: 'interrupted'});
	t.is(open().progress(steps[0]!).status, 'interrupted');
	t.deepEqual(open().resumePoint(), {runbook: 'area.things', step: steps[0], status: 'interrupted', rebooted: false});
});

test('a failing check fails the step, with the check in the message', async t => {
	const {open, steps} = setup(doc('1. Say hi:\n\n\t```\n\t$ echo hi\n\thello\n\t```\n'));
	const controller = open();
	const events: RunEvent[] = [];
	t.is(await controller.runStep(steps[0]!, {onEvent: event => events.push(event)}), 'failed');
	const end = events.find(event => event.type === 'step-end');
	t.regex(end?.type === 'step-end' ? end.message ?? '' : '', /^check failed: /);
	t.true(events.some(event => event.type === 'check' && event.result.status === 'fail'));
});

test('preview shows the diff against the live file, and the problem when a file to edit is missing', async t => {
	const {work, open, steps} = setup(
		doc('1. Enter with `cd $WORK`\n\n1. Allow it by changing `enabled` to `true` in **app.yaml**\n'),
	);
	const controller = open();
	t.is(await controller.runStep(steps[0]!), 'done');
	const [missing] = await controller.preview(steps[1]!);
	t.regex(missing!.problem ?? '', /app\.yaml/);
	writeFileSync(path.join(work, 'app.yaml'), 'enabled: false\n');
	const [preview] = await controller.preview(steps[1]!);
	t.is(preview!.path, path.join(work, 'app.yaml'));
	t.regex(preview!.diff ?? '', /^-enabled: false\n\+enabled: true$/m);
	t.is(readFileSync(path.join(work, 'app.yaml'), 'utf8'), 'enabled: false\n', 'preview changes nothing');
});

test('skip and mark done move the resume point; checkStep runs checks and changes nothing', async t => {
	const {work, open, steps} = setup(doc('1. Make it with `touch $WORK/a`\n\n1. Look:\n\n\t```\n\t$ ls $WORK\n\ta\n\t```\n'));
	const controller = open();
	controller.skipStep(steps[0]!);
	t.is(controller.resumePoint()?.step, steps[1]);
	const [result] = await controller.checkStep(steps[1]!);
	t.is(result!.status, 'fail');
	t.false(existsSync(path.join(work, 'a')));
	controller.markDone(steps[1]!);
	t.is(controller.resumePoint(), undefined);
	t.is(open().progress(steps[1]!).status, 'done');
});

test('a step with a cwd annotation runs its commands there; verify predicts the directory of relative files', async t => {
	const {work, open, steps} = setup(
		doc(
			'1. Make the site directory with `mkdir -p $WORK/site`\n\n' +
				'1. Create the page with `echo hi > page.html`\n\t<!-- tomesh-setup: cwd $WORK/site -->\n\n' +
				'1. Enter it with `cd $WORK/site`\n\n1. Allow it by changing `enabled` to `true` in **site.yaml**\n',
		),
	);
	const fresh = open();
	const [before] = await fresh.checkStep(steps[3]!);
	t.regex(before!.detail, new RegExp(`${work}/site/site\\.yaml`), 'the relative file is looked for where the earlier cd leads');
	t.is(await fresh.runStep(steps[0]!), 'done');
	t.is(await fresh.runStep(steps[1]!), 'done');
	t.is(readFileSync(path.join(work, 'site', 'page.html'), 'utf8'), 'hi\n');
	t.is(fresh.session('area.things').cwd, path.join(work, 'site'));
});

test('the diff shown before is the diff applied; the saved output tail has secrets masked', async t => {
	const {work, open, steps} = setup(
		doc('1. Enter with `cd $WORK`\n\n1. Add the secret line with `echo "form_secret: hunter2" >> app.conf`\n\n1. Show it:\n\n\t```\n\t# cat app.conf; exit 1\n\t```\n'),
	);
	const controller = open();
	t.is(await controller.runStep(steps[0]!), 'done');
	writeFileSync(path.join(work, 'app.conf'), 'a=1\n');
	const [shown] = await controller.preview(steps[1]!);
	const applied: string[] = [];
	t.is(await controller.runStep(steps[1]!, {onEvent: event => event.type === 'action-end' && event.diff !== undefined && applied.push(event.diff)}), 'done');
	t.deepEqual(applied, [shown!.diff]);
	t.is(await controller.runStep(steps[2]!), 'failed');
	const tail = open().progress(steps[2]!).outputTail!;
	t.is(tail.length, 2);
	t.false(tail.join('\n').includes('hunter2'));
	t.false(readFileSync(path.join(path.dirname(work), 'state', 'progress-v1.json'), 'utf8').includes('hunter2'));
});

test('a settle annotation gives the checks after a step longer than one check\'s time limit', async t => {
	// A service that answers from the third probe on: a 0.5 s window has room for two probes (0.25 s apart, then 0.5 s).
	const step = (settle: string) =>
		doc(`1. Start it:\n\n\t\`\`\`\n\t# echo 0 > $WORK/tries\n\t\`\`\`\n${settle}\t<!-- tomesh-setup: check n=$(cat $WORK/tries); echo $((n + 1)) > $WORK/tries; test $n -ge 2 -->\n`);
	const quick = setup(step(''));
	t.is(await new EngineController(quick.open().documents, testEngineOptions(quick.root, {timeoutMs: 500})).runStep(quick.steps[0]!), 'failed');
	const patient = setup(step('\t<!-- tomesh-setup: settle 30 -->\n'));
	t.is(await new EngineController(patient.open().documents, testEngineOptions(patient.root, {timeoutMs: 500})).runStep(patient.steps[0]!), 'done');
});

test('a failed reboot command is saved as a failed step, its output tail with secrets masked', async t => {
	const {root, open, steps} = setup(doc('1. Reboot the server with `sudo reboot`\n'));
	const options = testEngineOptions(root);
	const system = {...options.system, rebootCommand: 'echo "form_secret: hunter$((1 + 1))"; echo no systemd >&2; exit 1'};
	const controller = new EngineController(open().documents, {...options, system});
	t.is(await controller.runStep(steps[0]!), 'failed');
	const saved = readFileSync(path.join(root, 'state', 'progress-v1.json'), 'utf8');
	t.false(saved.includes('hunter2'));
	t.false('reboot' in JSON.parse(saved), 'the waiting record is taken back');
	const tail = open().progress(steps[0]!).outputTail!;
	t.true(tail.some(line => line.includes('form_secret')));
	t.true(tail.includes('no systemd'));
	t.false(existsSync(path.join(root, 'profile.d', 'tomesh-setup-resume.sh')), 'no login reminder');
});
