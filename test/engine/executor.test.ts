import {chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {RunEvent} from '../../source/domain/events.js';
import type {Action, Step} from '../../source/domain/types.js';
import {AuditLog} from '../../source/engine/audit/audit-log.js';
import {collectSecrets} from '../../source/domain/secrets/collect.js';
import {maskWith} from '../../source/domain/secrets/masker.js';
import {splitLines} from '../../source/domain/output/text-tail.js';
import {planStep} from '../../source/domain/plan/plan-step.js';
import {executeStep, outputLines, yesAnswers, type ExecutorContext} from '../../source/engine/executor.js';
import {readLiveText} from '../../source/engine/read-live.js';
import {testNeeding} from '../helpers/requirements.js';
import {temporaryDirectory} from '../helpers/temporary.js';

// Executes a step as the engine does: planned from where its session is, then run.
const execute = async (item: Step, ctx: ExecutorContext) =>
	executeStep(item, planStep(item, {home: ctx.home, env: {}, where: {cwd: ctx.session.cwd, fixed: false}}, readLiveText), ctx);

function step(actions: Action[]): Step {
	return {id: 'fixture.runbook/1', number: 1, line: 1, title: 'Fixture step', markdown: '', actions, checks: [], notes: []};
}

function context(extra: Partial<ExecutorContext> = {}) {
	const root = temporaryDirectory('tomesh-exec-');
	const events: RunEvent[] = [];
	const ctx: ExecutorContext = {
		session: {cwd: root, env: {}},
		home: root,
		backupDir: path.join(root, '.backups'),
		audit: new AuditLog(path.join(root, '.log')),
		onEvent: event => events.push(event),
		...extra,
	};
	return {root, events, ctx};
}

const run = (command: string, more: Partial<Extract<Action, {kind: 'run'}>> = {}): Action => ({kind: 'run', as: 'root', command, line: 1, ...more});

test('actions run in order in one session and stop at the first failure', async t => {
	const {root, ctx, events} = context();
	const result = await execute(step([run('mkdir sub && cd sub'), run('echo here > marker'), run('exit 4'), run('touch never')]), ctx);
	t.false(result.ok);
	t.is(result.exitCode, 4);
	t.true(existsSync(path.join(root, 'sub', 'marker')));
	t.false(existsSync(path.join(root, 'sub', 'never')));
	t.deepEqual(events.filter(event => event.type === 'action-end').map(event => event.type === 'action-end' && event.ok), [true, true, false]);
});

test('an unless guard that succeeds skips the action as already done', async t => {
	const {root, ctx, events} = context();
	const action = run('ln -s target link', {unless: 'test -L link'});
	t.true((await execute(step([action]), ctx)).ok);
	const again = await execute(step([action]), ctx);
	t.true(again.ok, 'ln -s would fail the second time without the guard');
	const last = events.filter(event => event.type === 'action-end').at(-1);
	t.is(last?.type === 'action-end' ? last.outcome : undefined, 'already-done');
	t.true(existsSync(path.join(root)));
});

test('nginx is tested before a reload, and a failing test stops the reload', async t => {
	const {root, ctx} = context();
	const bin = path.join(root, 'bin');
	mkdirSync(bin);
	writeFileSync(path.join(bin, 'nginx'), `#!/bin/sh\necho "nginx $*" >> ${root}/calls\n[ "$1" != "-t" ] || exit 1\n`, {mode: 0o755});
	ctx.session = {cwd: root, env: {PATH: `${bin}:${process.env.PATH}`}};
	const result = await execute(step([run('nginx -s reload')]), ctx);
	t.false(result.ok);
	t.regex(result.message!, /nginx -t failed/);
	t.is(readFileSync(path.join(root, 'calls'), 'utf8'), 'nginx -t\n');
});

test('headless: apt/debconf settings are in the environment and prompts get "y"', async t => {
	const {ctx} = context({assumeYesEnv: {DEBIAN_FRONTEND: 'noninteractive'}});
	const result = await execute(step([run('read -p "Continue? [y/n] " answer; echo "answer=$answer frontend=$DEBIAN_FRONTEND"')]), ctx);
	t.true(result.ok);
	t.true(result.output.includes('answer=y frontend=noninteractive'));
	t.deepEqual(result.session.env, {}, 'the headless settings are not saved into the session');
});

test('headless: a command that keeps waiting for input fails with a clear message instead of hanging', async t => {
	const {ctx} = context({assumeYesEnv: {}});
	const result = await execute(step([run(`for i in $(seq ${yesAnswers + 5}); do read -p "Name? " name; done`)]), ctx);
	t.false(result.ok);
	t.regex(result.message!, /waited for input/);
});

test('the audit log records commands and output with secrets masked', async t => {
	const {root, ctx} = context();
	const actions: Action[] = [run('echo "registration_shared_secret: hunter2"'), {kind: 'write', path: 'a.yaml', content: 'macaroon_secret_key: xyz987\n', line: 2}];
	// As the engine does: the secrets the step holds are collected once and masked by value in every line.
	const document = {path: 'x.md', title: 'x', parameters: [], runbooks: [{id: 'fixture.runbook', title: 'r', group: '', line: 1, steps: [step(actions)]}]};
	ctx.audit = new AuditLog(path.join(root, '.log'), maskWith(collectSecrets([document], {}, [])));
	await execute(step(actions), ctx);
	const log = readFileSync(path.join(root, '.log', 'audit.log'), 'utf8');
	t.regex(log, /run as root: echo/);
	t.regex(log, /registration_shared_secret/);
	t.false(log.includes('hunter2'));
	t.false(log.includes('xyz987'));
	t.is(readFileSync(path.join(root, 'a.yaml'), 'utf8'), 'macaroon_secret_key: xyz987\n');
});

testNeeding(['root'])('as root, `sudo CMD` runs CMD directly', async t => {
	const {ctx} = context();
	const bin = temporaryDirectory('tomesh-nosudo-');
	writeFileSync(path.join(bin, 'sudo'), '#!/bin/sh\necho "sudo was called"; exit 9\n', {mode: 0o755});
	ctx.session = {...ctx.session, env: {PATH: `${bin}:${process.env.PATH}`}};
	const result = await execute(step([run('sudo echo direct')]), ctx);
	t.true(result.ok);
	t.deepEqual(result.output, ['direct']);
});

testNeeding(['root'])('`$` commands run as the sudo user, `#` commands as root, in one shared session', async t => {
	const {root, ctx} = context({user: {name: 'nobody', uid: 65_534, gid: 65_534}});
	chmodSync(root, 0o777);
	const user = (command: string): Action => ({kind: 'run', as: 'user', command, line: 1});
	const result = await execute(step([user('id -un; export FROM_USER=yes'), run('id -un; echo "root sees $FROM_USER"'), user('touch made-by-user')]), ctx);
	t.true(result.ok, result.message);
	t.deepEqual(result.output, ['nobody', 'root', 'root sees yes']);
	t.is(statSync(path.join(root, 'made-by-user')).uid, 65_534);
});

test('a session directory that no longer exists fails the command with a message saying so', async t => {
	const {root, ctx} = context();
	ctx.session = {cwd: path.join(root, 'gone'), env: {}};
	const result = await execute(step([run('echo hi')]), ctx);
	t.false(result.ok);
	t.regex(result.message!, /working directory .*gone does not exist/);
});

test('output travels as chunks of complete lines; the kept tail and the audit log have every line as a line reader had them', async t => {
	const {root, ctx, events} = context();
	const script = String.raw`for i in $(seq 1 30000); do echo "line $i"; done; printf 'carriage\r\n'; echo "form_secret: hunter2"; printf 'no newline'`;
	const result = await execute(step([run(script)]), ctx);
	t.true(result.ok, result.message);
	const expected = [...Array.from({length: 30_000}, (_, index) => `line ${index + 1}`), 'carriage', 'form_secret: hunter2', 'no newline'];
	const chunks = events.flatMap(event => (event.type === 'output' ? [event.text] : []));
	t.true(chunks.length < expected.length / 10, `${chunks.length} output events`);
	t.true(chunks.every(chunk => chunk.endsWith('\n')));
	t.deepEqual(splitLines(chunks.join('')), expected);
	t.deepEqual(result.output, expected.slice(-outputLines));
	const logged = readFileSync(path.join(root, '.log', 'audit.log'), 'utf8')
		.split('\n')
		.filter(line => line.includes('  | '))
		.map(line => line.slice(line.indexOf('  | ') + 4));
	t.deepEqual(logged, expected.map(line => line.replace('hunter2', '********')));
});
