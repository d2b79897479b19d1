import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import type {Action, Runbook, Step} from '../../../source/domain/types.js';
import {seedPath} from '../seed-paths.js';

const seed = parseDocument(readFileSync(seedPath, 'utf8'), 'tomesh-chat.md');
const runbook = (index: number): Runbook => seed.runbooks[index]!;
const step = (index: number, number: number): Step => runbook(index).steps[number - 1]!;
const runs = (s: Step) => s.actions.filter((action): action is Extract<Action, {kind: 'run'}> => action.kind === 'run');
const commands = (s: Step) => runs(s).map((action) => action.command);

test('the raw seed gives 7 runbooks with 8, 4, 5, 4, 3, 4, 5 steps (33)', (t) => {
	t.deepEqual(
		seed.runbooks.map((r) => [r.title, r.steps.length]),
		[
			['Install Synapse Homeserver', 8],
			['Set Up Federation', 4],
			['Set up HTTPS with nginx and letsencrypt', 5],
			['Update Synapse Version', 4],
			['Build Vector Web From Source', 3],
			['Serve Vector Web at chat.tomesh.net', 4],
			['Set up HTTPS with nginx and letsencrypt', 5],
		],
	);
	t.is(seed.runbooks.flatMap((r) => r.steps).length, 33);
});

test('ids include the component, so the two HTTPS procedures differ; step ids are runbook/number', (t) => {
	t.is(runbook(2).id, 'set-up-martix-homeserver.set-up-https-with-nginx-and-letsencrypt');
	t.is(runbook(6).id, 'set-up-vector-web-client.set-up-https-with-nginx-and-letsencrypt');
	t.is(new Set(seed.runbooks.map((r) => r.id)).size, 7);
	t.is(step(0, 3).id, 'set-up-martix-homeserver.install-synapse-homeserver/3');
	t.is(runbook(0).group, 'Set Up Martix Homeserver');
});

test('the apt-get install line is one root command with its continuations joined', (t) => {
	const [install] = runs(step(0, 2));
	t.is(runs(step(0, 2)).length, 1);
	t.is(install!.as, 'root');
	t.regex(install!.command, /^apt-get install build-essential python2\.7-dev libffi-dev \\\n\s+python-pip python-setuptools sqlite3 \\\n\s+libssl-dev python-virtualenv libjpeg-dev libxslt1-dev$/);
	t.is(install!.line, 21);
});

test('the Synapse install step has its four root commands', (t) => {
	t.deepEqual(commands(step(0, 3)), [
		'virtualenv -p python2.7 ~/.synapse',
		'source ~/.synapse/bin/activate',
		'pip install --upgrade setuptools',
		'pip install https://github.com/matrix-org/synapse/tarball/5405351b147cb5e1b62651fd0c5ad95c5e0569e6',
	]);
	t.true(runs(step(0, 3)).every((action) => action.as === 'root'));
	t.is(step(0, 3).notes.length, 1, 'the blockquote is a note');
});

test('--generate-config is one command after cd', (t) => {
	t.deepEqual(commands(step(0, 4)), [
		'cd ~/.synapse',
		'python -m synapse.app.homeserver \\\n    --server-name tomesh.net \\\n    --config-path homeserver.yaml \\\n    --generate-config \\\n    --report-stats=no',
	]);
});

test('prose edits: registration (set-yaml), cache factor (append once), log backupCount (nested set-yaml)', (t) => {
	t.deepEqual(step(0, 5).actions, [{kind: 'edit', path: 'homeserver.yaml', edit: {op: 'set-yaml', key: ['enable_registration'], value: 'True'}, line: 48}]);
	t.deepEqual(step(0, 6).actions, [{kind: 'edit', path: 'homeserver.yaml', edit: {op: 'append-line', line: 'synctl_cache_factor: 0.02'}, line: 53}]);
	t.deepEqual(step(0, 7).actions, [
		{kind: 'edit', path: 'tomesh.net.log.config', edit: {op: 'set-yaml', key: ['handlers', 'file', 'backupCount'], value: '1'}, line: 56},
	]);
});

test('synctl start is an action; the note\'s synctl stop is not', (t) => {
	t.deepEqual(commands(step(0, 8)), ['synctl start']);
	t.is(step(0, 8).actions.length, 1);
	t.regex(step(0, 8).notes[0]!, /synctl stop/);
});

test('sudo -i runs nothing', (t) => {
	t.deepEqual(step(0, 1).actions, []);
	t.deepEqual(step(5, 1).actions, []);
});

test('federation: resolver edit, reboot, SRV transcript check, ufw', (t) => {
	t.deepEqual(step(1, 1).actions, [
		{kind: 'edit', path: '/etc/network/interfaces', edit: {op: 'comment-and-insert', match: String.raw`^dns-nameservers(\s|$)`, insert: ['        dns-nameservers 8.8.8.8']}, line: 67},
	]);
	t.deepEqual(step(1, 2).actions, [{kind: 'reboot', line: 71}]);
	t.deepEqual(step(1, 3).checks, [
		{kind: 'command', as: 'user', command: 'dig -t srv _matrix._tcp.tomesh.net', expect: ['_matrix._tcp    IN      SRV     10 0 8448 matrix.tomesh.net.'], line: 76},
	]);
	t.deepEqual(step(1, 3).actions.map((action) => action.kind), ['manual'], 'publishing the record is done by hand');
	t.deepEqual(commands(step(1, 4)), ['ufw allow 8448']);
});

test('both nginx sites are write actions with their full content; both ln -s and reloads are actions', (t) => {
	for (const [index, host] of [[2, 'matrix.tomesh.net'], [6, 'chat.tomesh.net']] as const) {
		const [write] = step(index, 2).actions;
		t.is(write?.kind, 'write');
		if (write?.kind !== 'write') return;
		t.is(write.path, `/etc/nginx/sites-available/${host}`);
		t.true(write.content.startsWith(`server {\n    listen 80;\n    server_name ${host};\n`));
		t.true(write.content.endsWith('    }\n}\n'));
		t.is(write.content.split('\n').length, index === 2 ? 57 : 49);
		t.deepEqual(commands(step(index, 3)), [`ln -s /etc/nginx/sites-available/${host} /etc/nginx/sites-enabled/${host}`]);
		t.deepEqual(commands(step(index, 4)), ['service nginx reload']);
		t.deepEqual(commands(step(index, 5)), [
			`/opt/letsencrypt/letsencrypt-auto certonly --agree-tos --renew-by-default --email hello@tomesh.net -a webroot --webroot-path=/usr/share/nginx/html -d ${host}`,
		]);
	}
});

test('update procedure: cd/source, synctl stop, the pip upgrade, synctl start', (t) => {
	t.deepEqual(commands(step(3, 1)), ['cd ~/.synapse', 'source ./bin/activate']);
	t.deepEqual(commands(step(3, 2)), ['synctl stop']);
	t.deepEqual(commands(step(3, 3)), ['pip install --upgrade --process-dependency-links https://github.com/matrix-org/synapse/tarball/VERSION']);
	t.deepEqual(commands(step(3, 4)), ['synctl start']);
});

test('node/npm versions are checks; the five git/npm lines are user commands', (t) => {
	t.deepEqual(
		step(4, 1).checks.map((check) => (check.kind === 'command' ? [check.command, check.expect] : [])),
		[
			['node -v', ['v6.4.0']],
			['npm -v', ['3.10.3']],
		],
	);
	t.deepEqual(commands(step(4, 2)), ['git clone https://github.com/vector-im/vector-web.git', 'cd vector-web', 'git checkout v0.7.4', 'npm install', 'npm run package']);
	t.true(runs(step(4, 2)).every((action) => action.as === 'user'));
});

test('config.json: cp then a write of the column-0 block; chmod is step 4 (numbering continues)', (t) => {
	const config = step(5, 3);
	t.deepEqual(commands(config), ['cp config.sample.json config.json']);
	const write = config.actions.find((action) => action.kind === 'write');
	t.like(write, {kind: 'write', path: 'config.json', line: 214});
	t.true(write?.kind === 'write' && write.content.includes('"default_hs_url": "https://matrix.tomesh.net"') && write.content.endsWith('}\n'));
	t.is(runbook(5).steps.length, 4);
	t.is(step(5, 4).number, 4);
	t.deepEqual(commands(step(5, 4)), ['chmod 755 /var/www']);
});

test('steps without anything runnable are manual; names and values are never commands', (t) => {
	t.like(step(5, 2).actions[0], {kind: 'manual', text: 'Extract vector-v0.7.4.tar.gz into /var/www/chat.tomesh.net.'});
	t.like(step(2, 1).actions[0], {kind: 'manual'});
	const all = seed.runbooks.flatMap((r) => r.steps).flatMap((s) => runs(s)).map((action) => action.command);
	for (const name of ['enable_registration', 'True', 'VERSION', 'handlers:file:backupCount', 'dns-nameservers']) t.false(all.includes(name), name);
	t.is(all.length, 27);
});
