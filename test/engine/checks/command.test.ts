import {tmpdir} from 'node:os';
import test from 'ava';
import {runCommandCheck} from '../../../source/engine/checks/command.js';
import {defaultCheckExec} from '../../../source/engine/checks/exec.js';
import type {CheckContext} from '../../../source/engine/checks/context.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

function context(overrides: Partial<CheckContext> = {}): CheckContext {
	return {cwd: tmpdir(), home: '/root', env: {}, timeoutMs: 10_000, signal: new AbortController().signal, exec: defaultCheckExec, ...overrides};
}

const check = (command: string, expect?: string[]) => ({kind: 'command' as const, as: 'root' as const, command, line: 1, ...(expect ? {expect} : {})});

test('passes when the command exits 0', async t => {
	const outcome = await runCommandCheck(check('true'), context());
	t.is(outcome.status, 'pass');
	t.is(outcome.detail, 'exited 0');
});

test('expected lines match whatever the spacing', async t => {
	const outcome = await runCommandCheck(
		check(String.raw`printf '_matrix._tcp\tIN  SRV 10 0 8448 matrix.example.net.\nv6.4.0\n'`, ['_matrix._tcp    IN      SRV     10 0 8448 matrix.example.net.', 'v6.4.0']),
		context(),
	);
	t.is(outcome.status, 'pass', outcome.detail);
});

test('a missing expected line fails with expected and got', async t => {
	const outcome = await runCommandCheck(check('echo v20.1.0', ['v6.4.0']), context());
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, "expected 'v6.4.0', got 'v20.1.0'");
});

test('a non-zero exit reports the code and the last output lines', async t => {
	const outcome = await runCommandCheck(check('echo one; echo two; echo three; echo four >&2; exit 3'), context());
	t.is(outcome.status, 'fail');
	t.is(outcome.detail, 'exited 3: two | three | four');
});

test('a command that is not installed gets a hint', async t => {
	const outcome = await runCommandCheck(check('no-such-program-here --version'), context());
	t.is(outcome.status, 'fail');
	t.regex(outcome.detail, /^exited 127/);
	t.is(outcome.hint, 'no-such-program-here is not installed or not on PATH');
});

test('a command that runs too long fails with the timeout', async t => {
	const outcome = await runCommandCheck(check('exec tail -f /dev/null'), context({timeoutMs: 300}));
	t.deepEqual(outcome, {status: 'fail', detail: 'timed out after 300 ms'});
});

test('runs in the session cwd with the session env', async t => {
	const cwd = temporaryDirectory('check-command-');
	const outcome = await runCommandCheck(check('echo "$PWD $GREETING"', [`${cwd} hello`]), context({cwd, env: {GREETING: 'hello'}}));
	t.is(outcome.status, 'pass', outcome.detail);
});

test('a session cwd that does not exist yet is not the check\'s failure: it runs in the nearest parent, and a failure says so', async t => {
	const passed = await runCommandCheck(check('echo "$PWD"', ['/']), context({cwd: '/nonexistent/.synapse'}));
	t.is(passed.status, 'pass', passed.detail);
	const failed = await runCommandCheck(check('test -f homeserver.yaml'), context({cwd: '/nonexistent/.synapse'}));
	t.is(failed.status, 'fail');
	t.is(failed.detail, 'exited 1 (no output) (ran in /: /nonexistent/.synapse does not exist yet)');
	t.is(failed.hint, 'run the earlier steps first');
});

test('secrets in the output are masked', async t => {
	const outcome = await runCommandCheck(check('echo "registration_shared_secret: s3cr3tvalue"; exit 1'), context());
	t.false(outcome.detail.includes('s3cr3tvalue'));
});

test('a missing program inside a pipeline still gets the hint', async t => {
	const outcome = await runCommandCheck(check("no-such-firewall-tool show added | grep -q 'allow 8448'"), context());
	t.regex(outcome.detail, /^exited 1: .*no-such-firewall-tool: command not found/);
	t.is(outcome.hint, 'no-such-firewall-tool is not installed or not on PATH');
});

test('a failure without output says so', async t => {
	t.is((await runCommandCheck(check('test -x /nonexistent/synctl'), context())).detail, 'exited 1 (no output)');
});
