import test from 'ava';
import {render} from 'ink-testing-library';
import type {UndoPlan} from '../../source/domain/undo/plan-undo.js';
import {MaskedController} from '../../source/ui/masked-controller.js';
import {lastUndoable, undoApplies} from '../../source/ui/hooks/use-undo.js';
import {Checklist} from '../../source/ui/screens/checklist.js';
import {StepScreen} from '../../source/ui/screens/step-screen.js';
import {FakeController, fakeRunbooks, type FakeOptions} from '../helpers/fake-controller.js';
import {waitFor, waitForFrame} from '../helpers/wait-for.js';

const edited = 'homeserver.configure/1';
const restore: UndoPlan = {
	ok: true,
	step: edited,
	changes: [{path: '/root/.synapse/homeserver.yaml', kind: 'restore', backup: 'objects/abc', mode: 0o640, owner: {uid: 0, gid: 112}, diff: '--- /root/.synapse/homeserver.yaml\n+++ /root/.synapse/homeserver.yaml\n@@ -1 +1 @@\n-enable_registration: True\n+enable_registration: False\n'}],
};

// Step 1 of "Configure Synapse" edits a file; the others only run commands.
function controller(options: FakeOptions = {}) {
	const runbooks = fakeRunbooks();
	runbooks[1]!.steps[0]!.actions = [{kind: 'edit', path: 'homeserver.yaml', edit: {op: 'set-yaml', key: ['enable_registration'], value: 'True'}, line: 3}];
	return new FakeController({runbooks, ...options});
}

const handlers = {onRun() {}, onSkip() {}, onBack() {}, onQuit() {}};
// Ink wraps long lines at a space: joined again for the assertions on whole sentences.
const flat = (frame: string) => frame.replaceAll(/ *\n */g, ' ');

test('u applies to a done or failed step that writes or edits files, nowhere else', t => {
	const step = controller().progress(edited).step;
	const runOnly = controller().progress('homeserver.configure/2').step;
	t.true(undoApplies('done', step));
	t.true(undoApplies('failed', step));
	t.false(undoApplies('pending', step));
	t.false(undoApplies('skipped', step));
	t.false(undoApplies('done', runOnly), 'a step that only runs commands has no backups to put back');
});

test('the footer of a done step that edited a file lists u; of a pending one, or one that only ran commands, not', async t => {
	const fake = controller({statuses: {[edited]: 'done', 'homeserver.configure/2': 'done'}});
	const done = render(<StepScreen controller={fake} stepId={edited} {...handlers} />);
	t.regex(await waitForFrame(done.lastFrame, 'quit'), /u\s+undo/);
	done.unmount();
	const commands = render(<StepScreen controller={fake} stepId="homeserver.configure/2" {...handlers} />);
	t.notRegex(await waitForFrame(commands.lastFrame, 'quit'), /u\s+undo/);
	commands.unmount();
	const pending = render(<StepScreen controller={controller()} stepId={edited} {...handlers} />);
	t.notRegex(await waitForFrame(pending.lastFrame, 'quit'), /u\s+undo/);
	pending.unmount();
});

test('u on a done step shows the diff of what is put back and asks; n keeps it, y undoes it and the step is pending', async t => {
	const fake = controller({statuses: {[edited]: 'done'}, undoPlans: {[edited]: restore}});
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={fake} stepId={edited} {...handlers} />);
	await waitForFrame(lastFrame, '[done]');
	stdin.write('u');
	const plan = await waitForFrame(lastFrame, '(y/n)');
	t.regex(plan, /Undo step 1 of Configure Synapse \(Enable registration\)/);
	t.regex(plan, /put back \/root\/\.synapse\/homeserver\.yaml \(mode 640, owner 0:112\)/);
	t.regex(plan, /-enable_registration: True\n\s*\+enable_registration: False/);
	stdin.write('n');
	await waitForFrame(lastFrame, '[done]');
	t.deepEqual(fake.calls, [`undoStep ${edited} (dry run)`], 'n changes nothing');
	stdin.write('u');
	await waitForFrame(lastFrame, '(y/n)');
	stdin.write('y');
	const after = await waitForFrame(lastFrame, 'Undid step 1');
	t.regex(flat(after), /1 file put back; this step is pending again/);
	t.notRegex(after, /\[done\]/);
	t.is(fake.progress(edited).status, 'pending');
	t.deepEqual(fake.calls, [`undoStep ${edited} (dry run)`, `undoStep ${edited} (dry run)`, `undoStep ${edited}`]);
	unmount();
});

test('a refused undo is one line; when a later step changed the file, u undoes that one first', async t => {
	const later = 'web.nginx/2';
	const fake = controller({
		statuses: {[edited]: 'done', [later]: 'done'},
		undoPlans: {
			[edited]: {ok: false, reason: `${later} changed /root/.synapse/homeserver.yaml after ${edited}: undo ${later} first`, first: later},
			[later]: {...restore, step: later},
		},
	});
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={fake} stepId={edited} {...handlers} />);
	await waitForFrame(lastFrame, '[done]');
	stdin.write('u');
	const refused = await waitForFrame(lastFrame, 'Cannot undo');
	t.regex(flat(refused), /✖ Cannot undo: web\.nginx\/2 changed \/root\/\.synapse\/homeserver\.yaml after homeserver\.configure\/1: undo web\.nginx\/2 first — u undoes step 2 of Install nginx \(Write the site file\) first/);
	stdin.write('u');
	t.regex(await waitForFrame(lastFrame, '(y/n)'), /Undo step 2 of Install nginx/);
	stdin.write('y');
	t.regex(flat(await waitForFrame(lastFrame, 'Undid step 2 of Install nginx')), /u undoes step 1 now/);
	t.is(fake.progress(later).status, 'pending');
	t.is(fake.progress(edited).status, 'done');
	unmount();
});

test('a missing backup is refused in one line and nothing is asked', async t => {
	const fake = controller({statuses: {[edited]: 'done'}, undoPlans: {[edited]: {ok: false, reason: 'the backup of /root/.synapse/homeserver.yaml (objects/abc) is missing: cannot put it back'}}});
	const {lastFrame, stdin, unmount} = render(<StepScreen controller={fake} stepId={edited} {...handlers} />);
	await waitForFrame(lastFrame, '[done]');
	stdin.write('u');
	const refused = await waitForFrame(lastFrame, 'Cannot undo');
	t.regex(flat(refused), /✖ Cannot undo: the backup of \/root\/\.synapse\/homeserver\.yaml \(objects\/abc\) is missing: cannot put it back /);
	t.false(refused.includes('(y/n)'));
	unmount();
});

test('the checklist: u undoes the highlighted runbook\'s step that ended last, and the counts follow', async t => {
	const fake = controller({statuses: {'homeserver.install/1': 'done', [edited]: 'done'}, undoPlans: {[edited]: restore}});
	const {lastFrame, stdin, unmount} = render(<Checklist controller={fake} onOpenStep={() => undefined} onVerify={() => undefined} onQuit={() => undefined} />);
	await waitForFrame(lastFrame, '❯ ◐ Install Synapse Homeserver 1/3');
	t.notRegex(lastFrame()!, /u\s+undo/, 'nothing in that runbook wrote a file');
	stdin.write('\u001B[B');
	t.regex(await waitForFrame(lastFrame, '❯ ◐ Configure Synapse 1/2'), /u\s+undo last step/);
	stdin.write('u');
	t.regex(await waitForFrame(lastFrame, '(y/n)'), /Undo step 1 of Configure Synapse/);
	stdin.write('y');
	t.regex(await waitForFrame(lastFrame, 'Undid step 1 of Configure Synapse'), /○ Configure Synapse 0\/2/);
	unmount();
});

test('lastUndoable picks the step that ended last among those u applies to', t => {
	const fake = controller();
	const [one, two] = fake.runbooks[1]!.steps;
	two!.actions = one!.actions;
	const item = (step: typeof one, endedAt: string) => ({...fake.progress(step!.id), status: 'done' as const, endedAt});
	t.is(lastUndoable([item(one, '2026-01-02'), item(two, '2026-01-01')]), one!.id);
	t.is(lastUndoable([item(one, '2026-01-01'), item(two, '2026-01-02')]), two!.id);
	t.is(lastUndoable([{...item(one, '2026-01-01'), status: 'pending'}]), undefined);
});

test('the masked controller masks the diffs of an undo and the findings of preflight with the secrets known now', async t => {
	class Secretive extends FakeController {
		override mask(text: string): string {
			return text.replaceAll('hunter2', '••••••');
		}
	}

	const fake = new Secretive({
		undoPlans: {[edited]: {...restore, changes: [{...restore.changes[0]!, diff: '-registration_shared_secret: hunter2\n+registration_shared_secret: old\n'}]}},
		preflight: [{id: 'x', level: 'warn', what: 'found hunter2', consequence: '', todo: ''}],
	});
	const masked = new MaskedController(fake);
	const plan = await masked.undoStep(edited, {dryRun: true});
	t.true(plan.ok && plan.changes[0]!.diff.includes('registration_shared_secret: ••••••'));
	t.false(JSON.stringify(plan).includes('hunter2'));
	t.is((await masked.preflight())[0]!.what, 'found ••••••');
	await waitFor(() => true, 'nothing');
});
