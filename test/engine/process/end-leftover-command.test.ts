import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {endLeftoverCommand} from '../../../source/engine/process/end-leftover-command.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

// A session shell as a killed run leaves it: its own process group, `tomesh-session-` in its command line, and no
// parent of ours (the run that started it is gone), so nothing here keeps it as a zombie.
function leftover(script: string) {
	const directory = temporaryDirectory('tomesh-session-leftover-');
	const wrapper = path.join(directory, 'wrapper.sh');
	writeFileSync(wrapper, script);
	const pid = Number(execFileSync('bash', ['-c', 'setsid bash "$1" </dev/null >/dev/null 2>&1 & echo $!', 'leftover', wrapper], {encoding: 'utf8'}));
	// Until setsid has made it a group of its own, there is no group to end.
	const leads = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2] === String(pid);
	for (const deadline = Date.now() + 10_000; !leads() && Date.now() < deadline; ) execFileSync('sleep', ['0.01']);
	const pidFile = path.join(directory, 'running.pid');
	writeFileSync(pidFile, `${pid}\n`);
	const alive = () => {
		try {
			process.kill(-pid, 0);
			return true;
		} catch {
			return false;
		}
	};

	return {pidFile, alive};
}

test('a command a killed run left running is stopped and waited for, and the operator is told', t => {
	// It takes a moment to end after SIGTERM, as a package manager cleaning up would.
	const {pidFile, alive} = leftover('trap "sleep 0.3; exit 0" TERM\nsleep 300 & wait\n');
	const notice = endLeftoverCommand(pidFile);
	t.regex(notice ?? '', /left running \(process group \d+\) was stopped and has ended/);
	t.false(alive(), 'the group is gone when the start goes on');
});

test('one that ignores SIGTERM gets SIGKILL after the grace time', t => {
	const {pidFile, alive} = leftover('trap "" TERM\nwhile :; do sleep 0.1; done\n');
	const notice = endLeftoverCommand(pidFile, 300);
	t.regex(notice ?? '', /was stopped and has ended/);
	t.false(alive());
});

test('nothing to end: no pid file, or a pid that is not a session shell', t => {
	const directory = temporaryDirectory('tomesh-leftover-');
	t.is(endLeftoverCommand(path.join(directory, 'running.pid')), undefined);
	writeFileSync(path.join(directory, 'running.pid'), `${process.pid}\n`);
	t.is(endLeftoverCommand(path.join(directory, 'running.pid')), undefined, 'the test runner itself is left alone');
});
