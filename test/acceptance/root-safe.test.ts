// Root-safe through the built CLI: what others can write is refused (exit 2, one line), never followed or run;
// two runs started together never both run a step; input that cannot be read ends with exit 2, never a hang.
import {execFileSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const asRoot = process.geteuid?.() === 0;

function machine() {
	const root = temporaryDirectory('tomesh-rootsafe-');
	const state = path.join(root, 'state');
	const doc = path.join(root, 'setup.md');
	const count = path.join(root, 'count');
	writeFileSync(doc, `# Lock fixture\n\n## Part\n\n### Procedure\n\n1. Count this run:\n\n\t\`\`\`\n\t# echo ran >> ${count}\n\t\`\`\`\n`);
	return {root, state, doc, count};
}

function refused(t: import('ava').ExecutionContext, result: CliResult, pattern: RegExp) {
	t.is(result.exitCode, 2, result.stdout + result.stderr);
	const lines = result.stderr.trimEnd().split('\n');
	t.is(lines.length, 1, result.stderr);
	t.regex(lines[0]!, pattern);
	t.notRegex(result.stderr, /internal error|\n\s+at /);
}

test('a state directory others can write, or owned by someone else, or that is a file, is refused', async t => {
	const {root, state, doc, count} = machine();
	mkdirSync(state, {mode: 0o700});
	chmodSync(state, 0o777);
	refused(t, await runCli(['run', '--yes', '--doc', doc, '--state', state]), /writable by others/);
	chmodSync(state, 0o770);
	refused(t, await runCli(['status', '--doc', doc, '--state', state]), /writable by others/);
	refused(t, await runCli(['plan', '--doc', doc, '--state', state]), /writable by others/);
	if (asRoot) {
		chmodSync(state, 0o700);
		chownSync(state, 65_534, 65_534);
		refused(t, await runCli(['run', '--yes', '--doc', doc, '--state', state]), /owned by uid 65534/);
	}

	const file = path.join(root, 'a-file');
	writeFileSync(file, 'x');
	for (const command of [['run', '--yes'], ['status'], ['plan'], ['plan', '--json']]) {
		refused(t, await runCli([...command, '--doc', doc, '--state', file]), /^tomesh-setup: --state: .*a-file is not a directory$/);
		t.is(readFileSync(file, 'utf8'), 'x');
	}

	t.false(existsSync(count), 'no step ran');
});

test('files planted in the state directory as links are never followed', async t => {
	const {root, state, doc} = machine();
	mkdirSync(state, {mode: 0o700});
	const victim = path.join(root, 'victim.json');
	writeFileSync(victim, '{"keep": true}');
	symlinkSync(victim, path.join(state, 'progress-v1.json'));
	refused(t, await runCli(['run', '--yes', '--doc', doc, '--state', state]), /symbolic link/);
	t.is(readFileSync(victim, 'utf8'), '{"keep": true}');

	for (const name of ['run.lock', 'running.pid', 'apt-assume-yes.conf', 'audit.log']) {
		const {state: fresh, doc: document} = machine();
		mkdirSync(fresh, {mode: 0o700});
		const target = path.join(root, `created-through-${name}`);
		symlinkSync(target, path.join(fresh, name));
		await runCli(['run', '--yes', '--doc', document, '--state', fresh]);
		t.false(existsSync(target), `${name} was followed`);
	}
});

test('a saved session that sets BASH_ENV, a tampered saved value or a newer format is refused and kept', async t => {
	const {root, state, doc, count} = machine();
	mkdirSync(state, {mode: 0o700});
	const file = path.join(state, 'progress-v1.json');
	const evil = path.join(root, 'evil.sh');
	writeFileSync(evil, `touch ${root}/pwned\n`);
	const cases: Array<[object, RegExp]> = [
		[{steps: {}, sessions: {'lock-fixture.part.procedure': {cwd: root, env: {BASH_ENV: evil}}}, values: {}}, /BASH_ENV/],
		[{steps: {}, sessions: {x: {cwd: root, env: {LD_PRELOAD: '/tmp/x.so'}}}, values: {}}, /LD_PRELOAD/],
		[{steps: {}, sessions: {x: {cwd: root, env: {PATH: `.:${root}`}}}, values: {}}, /PATH/],
		[{steps: {}, sessions: {}, values: {}, format: 99}, /newer/],
	];
	for (const [data, pattern] of cases) {
		writeFileSync(file, JSON.stringify(data), {mode: 0o600});
		refused(t, await runCli(['run', '--yes', '--doc', doc, '--state', state]), pattern);
		t.is(readFileSync(file, 'utf8'), JSON.stringify(data), 'kept as it was');
	}

	const site = path.join(root, 'site.md');
	writeFileSync(site, `# Site\n\n<!-- tomesh-setup: param domain example.org type=domain -->\n\n## Web\n\n### Site\n\n1. Write the name:\n\n\t\`\`\`\n\t# echo example.org > ${root}/name\n\t\`\`\`\n`);
	writeFileSync(file, JSON.stringify({steps: {}, sessions: {}, values: {domain: 'x.org; include /etc/shadow'}}), {mode: 0o600});
	refused(t, await runCli(['run', '--yes', '--doc', site, '--state', state]), /saved value of domain/);
	t.false(existsSync(path.join(root, 'pwned')));
	t.false(existsSync(count));
	t.false(existsSync(path.join(root, 'name')));
});

test('as root, a document others can write is refused unless --trust-doc', async t => {
	if (!asRoot) {
		t.pass('needs root');
		return;
	}

	const {root, state, doc, count} = machine();
	chmodSync(doc, 0o666);
	refused(t, await runCli(['run', '--yes', '--doc', doc, '--state', state]), /writable by others.*--trust-doc/);
	chmodSync(doc, 0o644);
	chownSync(doc, 65_534, 65_534);
	refused(t, await runCli(['plan', '--doc', doc]), /owned by uid 65534/);
	chownSync(doc, 0, 0);
	const open = path.join(root, 'open');
	mkdirSync(open);
	chmodSync(open, 0o777);
	const inOpen = path.join(open, 'setup.md');
	writeFileSync(inOpen, readFileSync(doc));
	refused(t, await runCli(['plan', '--doc', inOpen]), /directory .* is writable by others/);
	t.false(existsSync(count));
	chmodSync(doc, 0o666);
	t.is((await runCli(['run', '--yes', '--trust-doc', '--doc', doc, '--state', state])).exitCode, 0);
	t.is(readFileSync(count, 'utf8'), 'ran\n');
});

test('a FIFO or a device as --doc: exit 2 with one line, no hang (a file naming --state: the test above)', async t => {
	const {root, state} = machine();
	const fifo = path.join(root, 'fifo.md');
	execFileSync('mkfifo', [fifo]);
	refused(t, await runCli(['plan', '--doc', fifo]), /not a regular file/);
	refused(t, await runCli(['plan', '--doc', '/dev/zero']), /not a regular file/);
	refused(t, await runCli(['status', '--doc', fifo, '--state', state]), /not a regular file/);
});

test('twenty runs started at the same instant: exactly one runs the step, the others exit 2', async t => {
	const {state, doc, count} = machine();
	const results = await Promise.all(Array.from({length: 20}, async () => runCli(['run', '--yes', '--doc', doc, '--state', state])));
	t.is(readFileSync(count, 'utf8'), 'ran\n');
	for (const result of results) t.true(result.exitCode === 0 || (result.exitCode === 2 && /another tomesh-setup run/.test(result.stderr)), result.stderr);
});
