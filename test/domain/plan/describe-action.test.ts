import test from 'ava';
import {describeAction} from '../../../source/domain/plan/describe-action.js';

test('a command of several lines is described by its first line that says something, and marked as going on', t => {
	t.is(describeAction({kind: 'run', as: 'root', command: 'cat > /etc/x <<EOF\nkey = value\nEOF', line: 3}), 'run as root: cat > /etc/x <<EOF …');
	t.is(describeAction({kind: 'run', as: 'user', command: '\n\n  apt-get update\n', line: 3}), 'run as user: apt-get update');
	t.is(describeAction({kind: 'run', as: 'root', command: 'true', line: 3}), 'run as root: true');
});

test('a description is always one line with something after its prefix, so the action history has no blank lines', t => {
	const texts = ['\nSet the SRV record.\nThen wait.', 'Reboot by hand.', '\n   \nOpen the firewall.'];
	for (const text of texts) {
		const description = describeAction({kind: 'manual', text, line: 1});
		t.false(description.includes('\n'), description);
		t.regex(description, /^by hand: \S/);
	}
});
