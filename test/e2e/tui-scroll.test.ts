// Screens taller than the terminal, in a real terminal (tmux) on the shipped runbooks: the header and the keys stay,
// the body scrolls, a file is shown once (as its diff), the focused field stays in view, and every text names the
// operator's hosts, not the document's.
import {existsSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {operatorSetArgs, shownDefaults} from '../helpers/operator-values.js';
import {testNeeding} from '../helpers/requirements.js';
import {TmuxSession} from '../helpers/tmux.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const cli = path.resolve('dist/cli.js');
const matrix = path.resolve('runbooks/matrix-chat.md');
const tmuxTest = testNeeding(['tmux'], {serial: true});
const sizes: Array<{width: number; height: number; env: Record<string, string>}> = [
	{width: 80, height: 24, env: {NO_COLOR: '1'}},
	{width: 60, height: 20, env: {}},
];

const flat = (screen: string) => screen.replaceAll(/\s+/g, ' ');

async function start(t: ExecutionContext, args: string[], size: {width: number; height: number; env: Record<string, string>}): Promise<TmuxSession> {
	const work = temporaryDirectory('tomesh-scroll-');
	const tmux = new TmuxSession();
	t.teardown(async () => {
		tmux.kill();
		await rm(work, {recursive: true, force: true});
	});
	tmux.start([process.execPath, cli, ...args, '--doc', matrix, '--state', path.join(work, 'state')], {cwd: work, ...size});
	return tmux;
}

/** Waits until the pane differs from `before` and has settled on a frame with `text`. */
async function nextFrame(tmux: TmuxSession, before: string, text: RegExp): Promise<string> {
	const deadline = Date.now() + 10_000;
	let screen = before;
	while (Date.now() < deadline) {
		screen = tmux.capture();
		if (screen !== before && text.test(flat(screen))) return screen;
		await new Promise(resolve => setTimeout(resolve, 25));
	}

	throw new Error(`no new frame with ${String(text)}:\n${screen}`);
}

/** A frame fits: every line within the width, one row left free (so the scrollback is never cleared), no default host. */
function checkFrame(t: ExecutionContext, screen: string, size: {width: number; height: number}, defaults = false): void {
	const lines = screen.replace(/\n+$/, '').split('\n');
	t.true(lines.length < size.height, `at most ${size.height - 1} rows:\n${screen}`);
	for (const line of lines) t.true(line.length <= size.width, line);
	if (!defaults) t.deepEqual(shownDefaults(screen), [], screen);
}

for (const size of sizes) {
	tmuxTest(`${size.width}x${size.height}: the nginx step keeps its header and keys while its diff scrolls; the file is shown once`, async t => {
		if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
		// --only opens the runbook's first step (its TLS snippet); s skips to the second (the homeserver's site).
		const tmux = await start(t, ['run', '--only', 'Serve Matrix over HTTPS', ...operatorSetArgs], size);
		// Step 1 writes a file whose long lines wrap: each continuation row keeps the diff's `+`.
		const top = await nextFrame(tmux, '', /step 1 of 4.*What will happen.*more below \(/);
		tmux.send(['End']);
		const first = await nextFrame(tmux, top, /step 1 of 4.*more above \(/);
		const rows = first.split('\n');
		const from = rows.findIndex(row => row.includes('more above')) + 1;
		const diff = rows.slice(from, rows.indexOf('', from)).filter(row => !/^ {2}(?:@@|\+\+\+|---)/.test(row));
		t.true(diff.length > 2, first);
		for (const row of diff) t.regex(row, /^ {2}\+/, 'a wrapped diff line keeps its gutter');
		tmux.send(['s']);
		const site = '/etc/nginx/sites-available/matrix.zq7-operator.test';
		const header = new RegExp(`Serve Matrix over HTTPS › step 2 of 4 2\\. Create ${site.replaceAll('.', '\\.')}.* changes ${site.replaceAll('.', '\\.')}`);
		let screen = await nextFrame(tmux, '', new RegExp(`${header.source}.*What will happen.*more below \\(`));
		if (size.env.NO_COLOR) t.notRegex(tmux.capture(true), /\u001B\[[\d;]*m/, 'no colour with NO_COLOR');
		const body: string[] = [];
		for (let page = 0; page < 20; page++) {
			checkFrame(t, screen, size);
			t.regex(flat(screen), header, 'the header stays');
			t.regex(screen, /q\s+quit/, 'the keys stay');
			body.push(...screen.split('\n'));
			if (!/more below/.test(screen)) break;
			tmux.send(['PageDown']);
			// eslint-disable-next-line no-await-in-loop
			screen = await nextFrame(tmux, screen, /more above/);
		}

		t.notRegex(screen, /more below/, 'PgDn reaches the end');
		t.true(body.some(line => line.startsWith('  +}')), `the last line of the file was shown:\n${body.join('\n')}`);
		const fileLines = body.filter(line => line.includes('proxy_pass http://127.0.0.1:8008'));
		t.true(fileLines.length > 0);
		for (const line of fileLines) t.regex(line, /^ {2}\+ /, 'the file is shown as its diff only, not again as the document block');
		tmux.send(['Home']);
		screen = await nextFrame(tmux, screen, /What will happen/);
		t.notRegex(screen, /more above/, 'Home goes back to the top');
		checkFrame(t, screen, size);
		tmux.send(['End']);
		screen = await nextFrame(tmux, screen, /more above/);
		t.notRegex(screen, /more below/);
		t.regex(flat(screen), header);
	});

	tmuxTest(`${size.width}x${size.height}: the verify report scrolls from its first line to its last between its title and its keys`, async t => {
		if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
		const tmux = await start(t, ['verify', ...operatorSetArgs], size);
		let screen = await tmux.waitFor(/\d+ passed, \d+ failed, \d+ skipped/, 60_000);
		const frame = (text: string) => {
			checkFrame(t, text, size);
			t.regex(text, /^Verify: every check, nothing changed/, 'the title stays');
			t.regex(text, /\d+ passed, \d+ failed, \d+ skipped/, 'the summary stays');
			t.regex(text, /q\s+quit/, 'the keys stay');
		};

		frame(screen);
		t.regex(screen, /Names and Firewall/, 'the report opens on its first lines');
		t.regex(screen, /more below/);
		tmux.send(['End']);
		screen = await nextFrame(tmux, screen, /more above/);
		frame(screen);
		t.notRegex(screen, /more below/, 'End shows the last line');
		t.regex(screen, /matrix\.zq7-operator\.test|zq7-operator\.test/);
		tmux.send(['Home']);
		screen = await nextFrame(tmux, screen, /Names and Firewall/);
		frame(screen);
		t.notRegex(screen, /more above/);
		tmux.send(['q']);
		await tmux.waitFor('[exit 1]');
	});

	tmuxTest(`${size.width}x${size.height}: the focused field of the settings form is always on screen`, async t => {
		if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
		const tmux = await start(t, ['run'], size);
		// `p` on the checklist: every setting with a value, the documents' defaults until the operator types theirs.
		await tmux.waitFor('Start with');
		tmux.send(['p']);
		let screen = await nextFrame(tmux, '', /This server's settings.*more below \(/);
		const prompts = ['Matrix server name', 'Host name of the homeserver', 'Host name of the web client', 'E-mail address', 'Synapse package', 'User name of the first admin', 'ACME directory URL', 'URL of the Element Web'];
		for (const [index, prompt] of prompts.entries()) {
			if (index > 0) {
				tmux.send(['Down']);
				// eslint-disable-next-line no-await-in-loop
				screen = await nextFrame(tmux, screen, new RegExp(`❯ ${prompt}`));
			}

			checkFrame(t, screen, size, true);
			t.regex(flat(screen), new RegExp(`❯ ${prompt}`), 'the focused field is visible');
			t.regex(screen, /^This server's settings/, 'the title stays');
			t.regex(screen, /Esc\s+quit/, 'the keys stay');
		}
	});
}

// The checklist of the shipped runbooks once filled 80x24 exactly and overflowed 60x20 with the operator's longer host
// names: Ink then clears the scrollback at every redraw, and the resume line printed after it ran on from its last line.
for (const size of sizes) {
	tmuxTest(`${size.width}x${size.height}: the checklist of the shipped runbooks, with its lint warning and preflight in, stays a row shorter than the terminal`, async t => {
		if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
		const work = temporaryDirectory('tomesh-scroll-');
		const tmux = new TmuxSession();
		t.teardown(() => tmux.kill());
		tmux.start([process.execPath, cli, 'run', ...operatorSetArgs, '--state', path.join(work, 'state')], {cwd: work, ...size});
		await tmux.waitFor(/outdated\s+instructions/);
		await tmux.waitFor(/Preflight: \d+ ok/);
		const screen = tmux.capture();
		checkFrame(t, screen, size, true);
		t.regex(screen, /^Matrix Chat Server · /, 'the title stays on top');
		t.regex(flat(screen), /❯ ○ /, 'a runbook is highlighted');
		t.regex(flat(screen), /q\s+quit/, 'the keys stay');
	});
}
