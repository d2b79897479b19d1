import test from 'ava';
import {commandAction, isInteractive} from '../../../source/domain/parse/shell-command.js';
import {inlineCommands} from '../../../source/domain/parse/inline-commands.js';

const interactive: Array<[string, boolean]> = [
	['sudo -i', true],
	['sudo -i -u postgres', true],
	['sudo -iu postgres', true],
	['sudo -s', true],
	['sudo -u postgres', true],
	['sudo -u postgres psql', true],
	['sudo -u postgres bash', true],
	['sudo su matrix', true],
	['psql -d synapse', true],
	['sudo -u nobody touch /srv/x', false],
	['sudo -u matrix-synapse test -r /etc/matrix-synapse/conf.d/secret.yaml', false],
	['sudo -H -u www-data git pull', false],
	['sudo --user=www-data git pull', false],
	['sudo apt-get update', false],
];

for (const [command, expected] of interactive) {
	test(`${command}: ${expected ? 'an interactive session' : 'a command'}`, (t) => {
		t.is(isInteractive(command), expected);
	});
}

test('sudo -u USER CMD is root\'s to run, kept whole (the engine switches user); plain sudo CMD is CMD', (t) => {
	t.deepEqual(commandAction('sudo -u nobody touch /srv/x', 'user', 3), {kind: 'run', as: 'root', command: 'sudo -u nobody touch /srv/x', line: 3});
	t.deepEqual(commandAction('sudo chown nobody /srv/x', 'user', 3), {kind: 'run', as: 'root', command: 'chown nobody /srv/x', line: 3});
});

test('inline `sudo -u USER CMD` in prose is a command', (t) => {
	t.deepEqual(inlineCommands('Run `sudo -u nobody touch /srv/x` too.', 7, new Set()).actions, [{kind: 'run', as: 'root', command: 'sudo -u nobody touch /srv/x', line: 7}]);
	t.deepEqual(inlineCommands('Log in to the database with `sudo -u postgres psql`.', 7, new Set()).actions, []);
});
