import test from 'ava';
import {inlineCommands} from '../../../source/domain/parse/inline-commands.js';

const commands = (markdown: string) => inlineCommands(markdown, 10, new Set()).actions.map((action) => (action.kind === 'run' ? action.command : action.kind));

test('commands written as inline code in a sentence', (t) => {
	t.deepEqual(commands('Start the server with `synctl start`.'), ['synctl start']);
	t.deepEqual(commands('Reload nginx `service nginx reload`.'), ['service nginx reload']);
	t.deepEqual(commands('Open up firewall for federation over port 8448 `ufw allow 8448`.'), ['ufw allow 8448']);
	t.deepEqual(commands('Run `chmod 755 /var/www` to ensure we have the right permissions.'), ['chmod 755 /var/www']);
	t.deepEqual(commands('Stop the synapse service `sudo systemctl stop matrix-synapse`'), ['systemctl stop matrix-synapse']);
	t.deepEqual(commands('Start Wekan server again `/etc/init.d/wekan start`.'), ['/etc/init.d/wekan start']);
	t.deepEqual(commands('Reboot the server with `sudo reboot`. Then verify **/etc/resolv.conf**.'), ['reboot']);
});

test('names and values are not commands', (t) => {
	t.deepEqual(commands('Enable registration by changing `enable_registration` to `True` in **homeserver.yaml**.'), []);
	t.deepEqual(commands('where `VERSION` can be a branch like `master` or a tag like `v0.17.1`'), []);
	t.deepEqual(commands('find `handlers:file:backupCount` and change the value to `1`.'), []);
	t.deepEqual(commands('comment out the `dns-nameservers` line'), []);
	t.deepEqual(commands('Run the command `VACUUM;`'), []);
});

test('becoming root runs nothing; switching to another user or psql is done by hand', (t) => {
	const root = inlineCommands('Get a root shell with `sudo -i`.', 1, new Set());
	t.deepEqual(root, {actions: [], handled: true});
	t.deepEqual(commands('Switch to Postgres user `sudo -i -u postgres`'), []);
	t.deepEqual(commands('Load CLI and connect to Synapse database `psql -d synapse`'), []);
});

test('inline code already used by an edit is skipped; the line follows the paragraph', (t) => {
	t.deepEqual(inlineCommands('Run `ufw allow 1`', 3, new Set(['ufw allow 1'])).actions, []);
	t.deepEqual(inlineCommands('First line\nthen run `ufw allow 2`.', 3, new Set()).actions, [{kind: 'run', as: 'root', command: 'ufw allow 2', line: 4}]);
});

test('commands a sentence warns against or offers as an option are not actions', (t) => {
	t.deepEqual(commands('Do not run `rm -rf /var/www` here.'), []);
	t.deepEqual(commands('Start it with `synctl start`. If you want to stop it later, run `synctl stop`.'), ['synctl start']);
	t.deepEqual(commands('Optionally check with `nginx -t`.'), []);
});
