import test from 'ava';
import {resumeCommand} from '../../source/commands/resume-command.js';

test('the resume command repeats the directory and flags, quoted, without --set values', t => {
	t.is(
		resumeCommand(['run', '--doc', "my doc's.md", '--set', 'domain=example.org', '--set=email=a@b.c', '--state', '/var/tmp/s'], '/home/op/tomesh setup', {}),
		`cd '/home/op/tomesh setup' && tomesh-setup run --doc 'my doc'\\''s.md' --state /var/tmp/s`,
	);
});

test('under sudo the resume command keeps sudo', t => {
	t.is(resumeCommand([], '/srv/tomesh-setup', {SUDO_USER: 'alice'}), 'cd /srv/tomesh-setup && sudo tomesh-setup');
	t.is(resumeCommand([], '/srv/tomesh-setup', {SUDO_USER: 'root'}), 'cd /srv/tomesh-setup && tomesh-setup');
});

test('started from the clone\'s launcher, the resume command starts it the same way', t => {
	t.is(resumeCommand(['run'], '/root/tomesh-setup', {TOMESH_SETUP_LAUNCHER: './tomesh-setup'}), 'cd /root/tomesh-setup && ./tomesh-setup run');
	t.is(resumeCommand([], '/srv', {SUDO_USER: 'alice', TOMESH_SETUP_LAUNCHER: '/home/alice/my clone/tomesh-setup'}), "cd /srv && sudo '/home/alice/my clone/tomesh-setup'");
});
