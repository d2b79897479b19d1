// "no output for N s" comes from the engine: a command waits on a FIFO the test controls, time is a test clock.
import {execFileSync} from 'node:child_process';
import {open} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import type {RunEvent} from '../../../source/domain/events.js';
import type {Step} from '../../../source/domain/types.js';
import {AuditLog} from '../../../source/engine/audit/audit-log.js';
import {planStep} from '../../../source/domain/plan/plan-step.js';
import {executeStep} from '../../../source/engine/executor.js';
import {watchSilence, type Clock} from '../../../source/engine/process/silence-watch.js';
import {readLiveText} from '../../../source/engine/read-live.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

/** A clock that moves only when the test says, running the watch's tick each time. */
class TestClock implements Clock {
	time = 0;
	private readonly ticks = new Set<() => void>();
	now() {
		return this.time;
	}

	every(_ms: number, tick: () => void) {
		this.ticks.add(tick);
		return () => this.ticks.delete(tick);
	}

	advance(ms: number) {
		this.time += ms;
		for (const tick of this.ticks) tick();
	}

	get watching() {
		return this.ticks.size;
	}
}

test('the watch speaks at 10 s, again at 20 s (not in between), and output starts the count again', t => {
	const clock = new TestClock();
	const said: number[] = [];
	const watch = watchSilence(seconds => said.push(seconds), clock);
	clock.advance(9000);
	clock.advance(1000);
	clock.advance(5000);
	clock.advance(5000);
	t.deepEqual(said, [10, 20]);
	watch.heard();
	clock.advance(9000);
	t.deepEqual(said, [10, 20]);
	clock.advance(1000);
	t.deepEqual(said, [10, 20, 10]);
	watch.stop();
	clock.advance(60_000);
	t.deepEqual(said, [10, 20, 10]);
});

test('a command that waits in silence gets silence events from the executor, until it prints and ends', async t => {
	const root = temporaryDirectory('tomesh-silence-');
	const fifo = path.join(root, 'gate');
	execFileSync('mkfifo', [fifo]);
	const clock = new TestClock();
	const events: RunEvent[] = [];
	let notify: (() => void) | undefined;
	const next = async (what: (event: RunEvent) => boolean) =>
		new Promise<void>(resolve => {
			if (events.some(what)) resolve();
			else notify = () => events.some(what) && resolve();
		});
	const step: Step = {id: 'a.b/1', number: 1, line: 1, title: 'Wait', markdown: '', actions: [{kind: 'run', as: 'root', command: `echo started; exec 3< ${fifo}; read line <&3; echo "got $line"; read line <&3`, line: 1}], checks: [], notes: []};
	const ctx = {
		session: {cwd: root, env: {}},
		home: root,
		backupDir: path.join(root, '.backups'),
		audit: new AuditLog(path.join(root, '.log')),
		clock,
		onEvent(event: RunEvent) {
			events.push(event);
			notify?.();
		},
	};
	const running = executeStep(step, planStep(step, {home: root, env: {}, where: {cwd: root, fixed: false}}, readLiveText), ctx);
	const silences = () => events.flatMap(event => (event.type === 'silence' ? [event.seconds] : []));
	await next(event => event.type === 'output' && event.text.includes('started'));
	clock.advance(10_000);
	clock.advance(10_000);
	t.deepEqual(silences(), [10, 20]);
	// One writer for the whole test: a FIFO reopened between lines could read the end of a closing writer.
	const gate = await open(fifo, 'w');
	await gate.write('one\n');
	await next(event => event.type === 'output' && event.text.includes('got one'));
	clock.advance(10_000);
	t.deepEqual(silences(), [10, 20, 10], 'the output started the count again');
	t.deepEqual(events.filter(event => event.type === 'silence').map(event => event.type === 'silence' && event.step), ['a.b/1', 'a.b/1', 'a.b/1']);
	await gate.write('two\n');
	await gate.close();
	t.true((await running).ok);
	t.is(clock.watching, 0, 'the watch stops with the command');
});
