// Preflight on the walkthrough's start screen, in a real terminal of 80x24 inside the sandbox: nginx already listens
// on :80 and serves one of the documents' host names from another site; the start screen says both before anything
// runs, with what the conflicting site means, and `f` shows every finding with what to do.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {testNeeding} from '../helpers/requirements.js';
import {sandboxWritesCommand} from '../helpers/sandbox.js';
import {startSandboxedTui} from '../helpers/sandbox-tmux.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(repo, 'dist/cli.js');
const sandboxTest = testNeeding(['sandbox', 'tmux', 'nginx'], {serial: true});

const setup = `
	mkdir -p /etc/nginx/sites-enabled
	printf 'server {\\n    listen 8448;\\n    server_name other.example.org matrix.example.org;\\n}\\n' > /etc/nginx/sites-enabled/old-site
	nginx || exit 9
`;
const values = ['domain=example.org', 'matrix_host=matrix.example.org', 'chat_host=chat.example.org', 'email=admin@example.org', 'acme_server=https://acme.example.org/directory', 'admin_password=correct horse'];

sandboxTest('the start screen shows preflight: nginx on :80, a site already serving the host name, what to do; f shows it all', async t => {
	if (!existsSync(cli)) return t.fail('needs a built CLI (npm run build)');
	const tui = await startSandboxedTui(setup, work => [process.execPath, cli, 'run', '--doc', 'runbooks/matrix-chat.md', '--state', path.join(work, 'state'), ...values.flatMap(value => ['--set', value])], {cwd: repo});
	t.teardown(async () => {
		await tui.stop();
	});
	const {tmux} = tui;
	// The checklist draws at once; the findings follow when gathered.
	const screen = await tmux.waitFor(/Preflight: \d+ ok, \d+ warnings?, 0 blocking/, 20_000);
	t.regex(screen, /Start with/);
	t.regex(screen, /⚠ nginx already serves matrix\.example\.org from \/etc\/nginx\/sites-enabled\/old-s/);
	t.regex(screen, /✔ port 80 is in use by nginx \(pid \d+\)/);
	t.regex(screen, /f\s+preflight/);
	t.true(screen.startsWith('Matrix Chat Server\n'), `nothing scrolled off the top:\n${screen}`);
	t.regex(screen, /q\s+quit/, 'the key footer is on screen');
	tmux.send(['f']);
	const details = await tmux.waitFor('what is already on this server');
	t.regex(details, /means: two server blocks with one name/);
	t.regex(details, /to do: remove matrix\.example\.org from that file/);
	tmux.send(['f']);
	await tmux.waitFor(/Preflight: \d+ ok/);
	// What this sandbox wrote, not what the host has: a host where tomesh-setup ran before has /var/lib/tomesh-setup.
	t.is((await tui.inside(`${sandboxWritesCommand} | grep -c -E '^/(etc|var/lib|var/log)/tomesh-setup'`)).trim(), '0', 'nothing written by looking');
});
