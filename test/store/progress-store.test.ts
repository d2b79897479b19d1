import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../../source/domain/types.js';
import {ProgressStore} from '../../source/store/progress-store.js';
import {stateDirectory} from '../../source/store/state-directory.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const temporary = () => temporaryDirectory('tomesh-store-');

test('progress survives reopening, in a 0600 file', t => {
	const directory = temporary();
	const store = new ProgressStore(directory);
	store.update(data => {
		data.steps['a.b/1'] = {status: 'done', exitCode: 0, outputTail: ['ok']};
		data.sessions['a.b'] = {cwd: '/srv', env: {X: '1'}};
		data.values.domain = 'example.org';
		data.bootId = 'boot-1';
	});
	const again = new ProgressStore(directory).read();
	t.deepEqual(again.steps['a.b/1'], {status: 'done', exitCode: 0, outputTail: ['ok']});
	t.deepEqual(again.sessions['a.b'], {cwd: '/srv', env: {X: '1'}});
	t.is(again.values.domain, 'example.org');
	t.is(statSync(store.file).mode & 0o777, 0o600);
	t.is(path.basename(store.file), 'progress-v1.json');
});

test('a step id with dots is one key, not a path', t => {
	const store = new ProgressStore(temporary());
	store.update(data => {
		data.steps['set-up.install-synapse/3'] = {status: 'failed'};
	});
	t.deepEqual(Object.keys(JSON.parse(readFileSync(store.file, 'utf8')).steps), ['set-up.install-synapse/3']);
});

for (const [name, content] of [
	['invalid JSON', '{"steps": {'],
	['a schema violation', '{"steps": {"x/1": {"status": "exploded"}}}'],
	['a step without a status', '{"steps": {"x/1": {"exitCode": 0}}}'],
	['an exit code that is no integer', '{"steps": {"x/1": {"status": "done", "exitCode": "0"}}}'],
	['an output tail that is no list of lines', '{"steps": {"x/1": {"status": "done", "outputTail": [1]}}}'],
	['a session without its environment', '{"sessions": {"a": {"cwd": "/srv"}}}'],
	['a value that is no string', '{"values": {"domain": 1}}'],
	['a reboot without its boot id', '{"reboot": {"step": "a/1"}}'],
	['steps that are a list', '{"steps": []}'],
	['a format that is no integer', '{"format": "1"}'],
] as const) {
	test(`${name} → InputError naming the file and --state, the file kept`, t => {
		const directory = temporary();
		const file = path.join(directory, 'progress-v1.json');
		writeFileSync(file, content);
		const error = t.throws(() => new ProgressStore(directory), {instanceOf: InputError});
		t.true(error!.message.includes(file));
		t.regex(error!.message, /--state DIR/);
		t.is(readFileSync(file, 'utf8'), content);
	});
}

test('a secrets file of the wrong shape → InputError naming it, the file kept', t => {
	const directory = temporary();
	const store = new ProgressStore(directory);
	store.update(data => {
		data.values.admin_password = 'x';
	});
	const content = '{"values": {"admin_password": 7}}';
	writeFileSync(store.secretFile, content);
	const again = new ProgressStore(directory);
	const error = t.throws(() => again.read(), {instanceOf: InputError});
	t.true(error!.message.includes(store.secretFile));
	t.throws(() => again.read(), {instanceOf: InputError}, 'refused at every read, not only the first');
	t.is(readFileSync(store.secretFile, 'utf8'), content);
});

test('what is read is the file as it was checked when opened, not a second read that could differ', t => {
	const directory = temporary();
	new ProgressStore(directory).update(data => {
		data.steps['a.b/1'] = {status: 'done'};
		data.values.admin_password = 'checked-secret';
	});
	const store = new ProgressStore(directory);
	// The file changes after it was opened and checked, to contents that would not pass the check.
	writeFileSync(store.file, '{"steps": {"a.b/1": {"status": "exploded"}}}');
	const read = store.read();
	t.deepEqual(read.steps['a.b/1'], {status: 'done'});
	t.is(read.values.admin_password, 'checked-secret');
});

test('a state of the right shape with keys this version does not know is read', t => {
	const directory = temporary();
	writeFileSync(path.join(directory, 'progress-v1.json'), '{"steps": {"x/1": {"status": "done", "exitCode": null, "later": 1}}, "later": true}');
	t.deepEqual(new ProgressStore(directory).read().steps, {'x/1': {status: 'done', exitCode: null, later: 1}});
});

test('an unreadable state file (here: a directory in its place) → InputError, left in place', t => {
	const directory = temporary();
	mkdirSync(path.join(directory, 'progress-v1.json'));
	const error = t.throws(() => new ProgressStore(directory), {instanceOf: InputError});
	t.regex(error!.message, /corrupt, unreadable/);
	t.true(statSync(path.join(directory, 'progress-v1.json')).isDirectory());
});

test('nothing is created until the first write', t => {
	const directory = path.join(temporary(), 'state');
	const store = new ProgressStore(directory);
	t.deepEqual(store.read(), {steps: {}, sessions: {}, values: {}});
	t.false(existsSync(directory));
	store.update(data => {
		data.bootId = 'b';
	});
	t.is(statSync(directory).mode & 0o777, 0o700);
});

test('the state directory: --state first, else /var/lib as root', t => {
	t.is(stateDirectory('rel/dir'), path.resolve('rel/dir'));
	if (process.getuid?.() === 0) t.is(stateDirectory(undefined), '/var/lib/tomesh-setup');
	else t.true(stateDirectory(undefined, {XDG_CONFIG_HOME: '/cfg'}).startsWith('/cfg/'));
});
