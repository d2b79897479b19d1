import test from 'ava';
import {resumeCommand} from '../../source/commands/resume-command.js';

test('the resume command repeats the directory and flags, quoted, without --set values', t => {
	t.is(
		resumeCommand(['run', '--doc', "my doc's.md", '--set', 'domain=example.org', '--set=email=a@b.c', '--state', '/var/tmp/s'], '/home/op/tomesh setup', {}),
		`cd '/home/op/tomesh setup' && npx tomesh-setup run --doc 'my doc'\\''s.md' --state /var/tmp/s`,
	);
});

test('under sudo the resume command keeps sudo', t => {
	t.is(resumeCommand([], '/srv/tomesh-setup', {SUDO_USER: 'alice'}), 'cd /srv/tomesh-setup && sudo npx tomesh-setup');
	t.is(resumeCommand([], '/srv/tomesh-setup', {SUDO_USER: 'root'}), 'cd /srv/tomesh-setup && npx tomesh-setup');
});
