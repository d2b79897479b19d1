// The walkthrough starts from V8's code cache in the state directory (source/walkthrough-script.ts): saved by the
// first start once the checklist is on screen, used as it is by the next, and never run when damaged.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';
import {waitFor} from '../helpers/wait-for.js';

const cli = path.resolve('dist/cli.js');
const fixture = path.resolve('test/fixtures/tui/walk.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});

// Starts the walkthrough, waits for the checklist and quits with q; resolves when the CLI has exited.
async function startAndQuit(t: {teardown: (f: () => void) => void}, work: string): Promise<void> {
	const tmux = new TmuxSession();
	t.teardown(() => tmux.kill());
	tmux.start([process.execPath, cli, 'run', '--doc', fixture, '--state', path.join(work, 'state')], {env: {WORK: work}});
	await tmux.waitFor('verify all');
	tmux.send(['q']);
	await tmux.waitFor('[exit 0]');
	tmux.kill();
}

// The file's identity: a save replaces it (a new inode, by rename), a start that uses it leaves it be.
const identity = (file: string) => {
	const stats = statSync(file);
	return `${stats.ino}:${stats.mtimeMs}`;
};

tmuxTest('the first start saves the code cache, the next uses it unchanged; damaged or refused, it is replaced, never run', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-code-cache-');
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const cache = path.join(work, 'state', 'code-cache', 'walkthrough.bin');

	await startAndQuit(t, work);
	await waitFor(() => existsSync(cache), 'the code cache saved after the first frame');
	t.is(statSync(cache).mode & 0o777, 0o600);
	const saved = identity(cache);
	await startAndQuit(t, work);
	t.is(identity(cache), saved, 'used as it is: V8 took it (a refused cache is saved again)');

	// One byte of V8's data changed: our digest no longer matches, so V8 never sees it; the start compiles and saves.
	const bytes = readFileSync(cache);
	bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
	writeFileSync(cache, bytes);
	const damaged = identity(cache);
	await startAndQuit(t, work);
	await waitFor(() => identity(cache) !== damaged, 'a new cache in place of the damaged one');

	// Data with a right key and digest that V8 refuses (not code at all): the start compiles and saves again.
	const header = readFileSync(cache).subarray(0, 32);
	const junk = Buffer.from('not V8 code cache data');
	writeFileSync(cache, Buffer.concat([header, createHash('sha256').update(junk).digest(), junk]));
	const refused = identity(cache);
	await startAndQuit(t, work);
	await waitFor(() => identity(cache) !== refused, 'a new cache in place of the one V8 refused');
	t.true(statSync(cache).size > 100_000, 'V8\'s code for the walkthrough, not the junk');
});

tmuxTest('verify on a terminal, which changes nothing, saves no code cache and leaves the walkthrough\'s as it is', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const work = temporaryDirectory('tomesh-code-cache-');
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const cache = path.join(work, 'state', 'code-cache', 'walkthrough.bin');
	const verify = async () => {
		const tmux = new TmuxSession();
		t.teardown(() => tmux.kill());
		tmux.start([process.execPath, cli, 'verify', '--doc', fixture, '--state', path.join(work, 'state')], {env: {WORK: work}});
		await tmux.waitFor(/\d+ passed, \d+ failed, \d+ skipped/);
		tmux.send(['q']);
		await tmux.waitFor('[exit 1]');
		tmux.kill();
	};

	await verify();
	t.false(existsSync(cache), 'verify saved no code');
	await startAndQuit(t, work);
	await waitFor(() => existsSync(cache), 'the code cache saved by the walkthrough');
	const saved = identity(cache);
	await verify();
	t.is(identity(cache), saved);
});
