import test from 'ava';
import {whoRuns} from '../../source/engine/executor.js';

test('a $ command\'s line names who really runs it: the sudo user, else root when the tool is root — never "run as user"', t => {
	const action = {kind: 'run', as: 'user'};
	t.is(whoRuns('run as user: ls', action, {name: 'alice', uid: 1000, gid: 1000}, true), 'run as alice: ls');
	t.is(whoRuns('run as user: ls', action, undefined, true), 'run as root: ls');
	t.is(whoRuns('run as root: ls', {kind: 'run', as: 'root'}, {name: 'alice', uid: 1000, gid: 1000}, true), 'run as root: ls');
	t.is(whoRuns('write /etc/x', {kind: 'write'}, undefined, true), 'write /etc/x');
});
