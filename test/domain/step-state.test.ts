import test from 'ava';
import {isFinished, outputTailLines, reduceStep} from '../../source/domain/step-state.js';

const at = '2026-01-01T00:00:00.000Z';

test('a step runs, then ends done or failed with its exit code and output tail', t => {
	const running = reduceStep(undefined, {type: 'start', at, fingerprint: 'f1'});
	t.is(running.status, 'running');
	t.is(running.fingerprint, 'f1');
	const failed = reduceStep(running, {type: 'finish', at, ok: false, exitCode: 2, outputTail: ['boom'], message: 'exit code 2'});
	t.deepEqual([failed.status, failed.exitCode, failed.outputTail, failed.message], ['failed', 2, ['boom'], 'exit code 2']);
	const done = reduceStep(reduceStep(failed, {type: 'start', at, fingerprint: 'f1'}), {type: 'finish', at, ok: true, exitCode: 0});
	t.is(done.status, 'done');
	t.is(done.message, undefined);
});

test('only a running step becomes interrupted', t => {
	const running = reduceStep(undefined, {type: 'start', at, fingerprint: 'f'});
	t.is(reduceStep(running, {type: 'interrupt'}).status, 'interrupted');
	const done = reduceStep(running, {type: 'finish', at, ok: true});
	t.is(reduceStep(done, {type: 'interrupt'}), done);
});

test('a reboot completes only a step that awaits it', t => {
	const waiting = reduceStep(reduceStep(undefined, {type: 'start', at, fingerprint: 'f'}), {type: 'await-reboot', at});
	t.is(waiting.status, 'awaiting-reboot');
	t.is(reduceStep(waiting, {type: 'reboot-complete', at}).status, 'done');
	t.is(reduceStep(undefined, {type: 'reboot-complete', at}).status, 'pending');
});

test('the output tail is capped', t => {
	const lines = Array.from({length: 100}, (_, index) => `line ${index}`);
	const record = reduceStep(undefined, {type: 'finish', at, ok: false, outputTail: lines});
	t.is(record.outputTail!.length, outputTailLines);
	t.is(record.outputTail!.at(-1), 'line 99');
});

test('skip and mark done; done and skipped are finished', t => {
	t.is(reduceStep(undefined, {type: 'skip', at, fingerprint: 'f'}).status, 'skipped');
	t.is(reduceStep({status: 'failed'}, {type: 'mark-done', at, fingerprint: 'f'}).status, 'done');
	t.true(isFinished('done') && isFinished('skipped'));
	t.false(isFinished('interrupted') || isFinished('awaiting-reboot') || isFinished('failed'));
});

test('undo makes a done step pending again', t => {
	const done = reduceStep(undefined, {type: 'mark-done', at, fingerprint: 'f'});
	t.is(reduceStep(done, {type: 'undo', at}).status, 'pending');
});
