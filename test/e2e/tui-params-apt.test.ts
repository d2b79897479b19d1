import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';

// The built CLI at 80x24 in tmux, on fixtures whose commands stay in a temp dir ($WORK).
const cli = path.resolve('dist/cli.js');
const tmuxTest = testNeeding(['tmux'], {serial: true});

// `fixture` undefined: the shipped runbooks.
async function start(fixture: string | undefined, env: Record<string, string> = {}): Promise<{tmux: TmuxSession; work: string}> {
	const work = temporaryDirectory('tomesh-tui-');
	const tmux = new TmuxSession();
	const documents = fixture === undefined ? [] : ['--doc', path.resolve(`test/fixtures/tui/${fixture}.md`)];
	tmux.start([process.execPath, cli, 'run', ...documents, '--state', path.join(work, 'state')], {cwd: work, env: {WORK: work, TOMESH_SETUP_PROFILE_DIR: work, ...env}, width: 80, height: 24});
	return {tmux, work};
}

tmuxTest('parameters are asked per procedure before its first step, a derived default follows the domain, p edits them', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const {tmux, work} = await start('params');
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	await tmux.waitFor('Start with Name the site › step 1');
	tmux.send(['Enter']);
	const form = await tmux.waitFor('Name the site uses these values');
	t.false(form.includes('Version to update to'), 'a later procedure\'s placeholder is not asked');
	t.false(form.includes('Host name of the site'), 'nor a value only a later procedure uses');
	tmux.send(Array.from({length: 11}, () => 'BSpace'));
	tmux.send(['mine.net'], true);
	await tmux.waitFor('mine.net');
	tmux.send(['Enter']);
	await tmux.waitFor('echo "mine.net" >');
	tmux.send(['Enter']);
	// The next procedure asks for its own value, derived from the domain just given.
	await tmux.waitFor('Serve the site uses these values');
	await tmux.waitFor('web.mine.net');
	tmux.send(['Enter']);
	await tmux.waitFor('echo "web.mine.net" >');
	tmux.send(['Enter']);
	// An update procedure is not rolled into.
	await tmux.waitFor('Next: Update the site — a maintenance procedure');
	t.false(existsSync(path.join(work, 'version.txt')));
	tmux.send(['n']);
	await tmux.waitFor(/Left for later:\s+Update the site/);
	tmux.send(['p']);
	await tmux.waitFor('Domain of the site');
	tmux.send(Array.from({length: 8}, () => 'BSpace'));
	tmux.send(['ours.org'], true);
	await tmux.waitFor('web.ours.org');
	tmux.send(['Enter']);
	tmux.send(['Enter']);
	const saved = await tmux.waitFor('Done steps that used the old value');
	t.regex(saved.replaceAll('\n', ' '), /Saved domain, web_host\. +Done steps that used the old value: Name the site 1; Serve the +site 1/);
	t.is(await readFile(path.join(work, 'host.txt'), 'utf8'), 'web.mine.net\n');
});

tmuxTest('apt\'s simulation is shown before a package step; a removal needs y after Enter', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const bin = temporaryDirectory('tomesh-bin-');
	mkdirSync(bin, {recursive: true});
	writeFileSync(path.join(bin, 'apt-get'), '#!/bin/sh\n[ "$1" = -s ] || exit 3\necho "Purg oldpkg [1.0]"\necho "Inst newpkg (2.0 Debian:12 [all])"\n');
	writeFileSync(path.join(bin, 'apt'), '#!/bin/sh\necho "$*" >> "$WORK/apt.log"\n');
	for (const name of ['apt-get', 'apt']) chmodSync(path.join(bin, name), 0o755);
	const {tmux, work} = await start('apt', {PATH: `${bin}:${process.env.PATH ?? ''}`});
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
		await rm(bin, {recursive: true, force: true});
	});
	await tmux.waitFor('Start with Replace the mailer › step 1');
	tmux.send(['Enter']);
	await tmux.waitFor('apt -s: REMOVE 1: oldpkg');
	await tmux.waitFor('apt -s: install 1: newpkg');
	tmux.send(['Enter']);
	await tmux.waitFor('This step REMOVES 1 package: oldpkg');
	tmux.send(['Enter']);
	t.false(existsSync(path.join(work, 'apt.log')), 'Enter alone does not remove packages');
	tmux.send(['y']);
	await tmux.waitFor('step 2 of 2');
	t.is(await readFile(path.join(work, 'apt.log'), 'utf8'), 'purge -y oldpkg\n');
});

tmuxTest('shipped runbooks: the first procedure asks for the server name and its hosts, Install Synapse not for the 2016 document\'s version to update to', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	// Both documents declare `domain` (example.org in one, tomesh.net in the other); `VERSION` is the 2016 document's
	// placeholder, and `$VERSION_CODENAME` in the current one is not it.
	const {tmux, work} = await start(undefined);
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	await tmux.waitFor('Start with Names and Firewall › step 1');
	tmux.send(['Enter']);
	const form = await tmux.waitFor('Names and Firewall uses these values');
	t.regex(form, /Matrix server name/);
	t.regex(form, /Host name of the homeserver/);
	tmux.send(Array.from({length: 11}, () => 'BSpace'));
	tmux.send(['mine.net'], true);
	await tmux.waitFor('matrix.mine.net');
	tmux.send(['Enter', 'Enter', 'Enter']);
	await tmux.waitFor('of mine.net,');
	tmux.send(['Escape']);
	await tmux.waitFor('Install Synapse 0/');
	tmux.send(['Down', 'Enter']);
	const synapse = await tmux.waitFor('Install Synapse uses these values');
	t.regex(synapse, /Synapse package/);
	t.notRegex(synapse, /version to update to/i);
	t.notRegex(synapse, /Matrix server name/, 'answered already');
});
