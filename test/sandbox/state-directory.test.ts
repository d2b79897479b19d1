// A state directory that cannot be written (a read-only mount, a full file system) or that is a file: `run --yes`,
// the walkthrough and `reset` stop with exit 2 and one line naming the path, no stack trace, the saved state byte for
// byte as it was; `status` only reads, so it still shows the progress. The mounts live in the sandbox's own
// namespace (a tmpfs remounted read-only, a 64 KiB tmpfs filled up): as root a chmod would not stop a write.
import type {ExecutionContext} from 'ava';
import {cliPath} from '../helpers/run-cli.js';
import {testNeeding} from '../helpers/requirements.js';
import {runInSandbox} from '../helpers/sandbox.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const sandboxTest = testNeeding(['sandbox']);

// Each command's output between markers, with its exit code: `=== NAME` … `=== NAME exit N`.
const commands: Record<string, string> = {
	run: 'run --yes',
	// The walkthrough needs a terminal: `script` gives it one.
	walkthrough: 'run',
	status: 'status',
	reset: 'reset',
};

function script(work: string, prepare: string): string {
	const cli = `node ${cliPath}`;
	const calls = Object.entries(commands).map(([name, args]) => {
		const command = name === 'walkthrough' ? `script -qec "${cli} ${args} --doc doc.md --state st" /dev/null` : `${cli} ${args} --doc doc.md --state st`;
		return `echo "=== ${name}"; timeout 60 ${command} </dev/null 2>&1; echo "=== ${name} exit $?"`;
	});
	return `
		unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR
		export NO_COLOR=1 TERM=xterm
		cd ${work}
		printf '# State fixture\\n\\n## Part\\n\\n### Procedure\\n\\n1. Count:\\n\\n\\t\`\`\`\\n\\t# echo ran >> ${work}/count\\n\\t\`\`\`\\n\\n2. Wait for the go file:\\n\\n\\t\`\`\`\\n\\t# test -e ${work}/go\\n\\t\`\`\`\\n' > doc.md
		${prepare}
		snapshot() { (ls -A st; [ -d st ] && find st -type f ! -name fill -exec sha256sum {} + | sort; [ -f st ] && sha256sum st) 2>&1; }
		snapshot > before
		${calls.join('\n')}
		snapshot > after
		cmp -s before after && echo "=== state intact" || diff before after
		cat count
	`;
}

// A first run in a roomy tmpfs leaves progress (step 1 done, step 2 failed), then the mount is made hostile.
const withProgress = (hostile: string) => `
	mkdir st && mount -t tmpfs -o size=64k,mode=0700 tmpfs st
	${`node ${cliPath}`} run --yes --doc doc.md --state st >/dev/null 2>&1; echo "=== first exit $?"
	${hostile}
`;

function section(stdout: string, name: string): {output: string; exitCode: number} {
	const match = new RegExp(`^=== ${name}\\n([\\s\\S]*?)^=== ${name} exit (\\d+)$`, 'm').exec(stdout);
	if (!match) throw new Error(`no output for ${name}:\n${stdout}`);
	return {output: match[1]!.replaceAll('\r', ''), exitCode: Number(match[2])};
}

function expectRefused(t: ExecutionContext, stdout: string, name: string, pattern: RegExp) {
	const {output, exitCode} = section(stdout, name);
	t.is(exitCode, 2, `${name}: ${output}`);
	const lines = output.trim().split('\n');
	t.is(lines.length, 1, `${name}: one line, got ${output}`);
	t.regex(lines[0]!, pattern, name);
	t.notRegex(output, /internal error|\n\s+at /, name);
}

async function runCase(prepare: string) {
	const work = temporaryDirectory('tomesh-state-dir-');
	const result = await runInSandbox(script(work, prepare), {timeoutMs: 120_000});
	return {work, stdout: result.stdout, stderr: result.stderr};
}

sandboxTest('a read-only state directory: run, the walkthrough and reset exit 2 naming it, status reads it, nothing changes', async t => {
	const {work, stdout, stderr} = await runCase(withProgress('mount -o remount,ro st'));
	t.regex(stdout, /^=== first exit 1$/m, stdout + stderr);
	const where = new RegExp(`${work}/st\\b.*read-only file system`);
	for (const name of ['run', 'walkthrough', 'reset']) expectRefused(t, stdout, name, where);
	const status = section(stdout, 'status');
	t.is(status.exitCode, 0, status.output);
	t.regex(status.output, /1\/2 done/);
	t.regex(stdout, /^=== state intact$/m, stdout);
	t.regex(stdout, /^ran$/m, 'the step ran once, in the first run only');
	t.notRegex(stdout, /^ran\nran$/m);
});

sandboxTest('a full state directory: run, the walkthrough and reset exit 2 naming it, status reads it, nothing changes', async t => {
	const {work, stdout, stderr} = await runCase(withProgress('dd if=/dev/zero of=st/fill bs=1k count=1024 2>/dev/null; true'));
	t.regex(stdout, /^=== first exit 1$/m, stdout + stderr);
	const where = new RegExp(`${work}/st\\b.*no space left`);
	for (const name of ['run', 'walkthrough', 'reset']) expectRefused(t, stdout, name, where);
	t.is(section(stdout, 'status').exitCode, 0);
	t.regex(stdout, /^=== state intact$/m, stdout);
	t.notRegex(stdout, /^ran\nran$/m);
});

sandboxTest('--state naming a file: every command exits 2 naming it, the file untouched', async t => {
	const {work, stdout, stderr} = await runCase('printf keep > st');
	const where = new RegExp(`${work}/st\\b.*not a directory`);
	for (const name of Object.keys(commands)) expectRefused(t, stdout, name, where);
	t.regex(stdout, /^=== state intact$/m, stdout + stderr);
	t.notRegex(stdout, /^ran$/m, 'no step ran');
});
