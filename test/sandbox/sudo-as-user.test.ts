// `sudo -u USER CMD` in a document runs CMD as USER (through runuser), in the engine's commands and in checks, on a
// server without sudo installed: files made that way belong to USER. Inside the namespace sandbox (DESIGN.md §5).
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cliPath} from '../helpers/run-cli.js';
import {testNeeding} from '../helpers/requirements.js';
import {runInSandbox} from '../helpers/sandbox.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const document = path.join(repo, 'test/fixtures/engine/sudo-as-user.md');
const sandboxTest = testNeeding(['sandbox']);

sandboxTest('sudo -u nobody touch … makes a file owned by nobody, with no sudo on the server; the check runs as nobody too', async t => {
	const result = await runInSandbox(`
		unset SUDO_USER TOMESH_SETUP_STATE TOMESH_SETUP_LOG_DIR
		# No working sudo, whatever the host has (the mounts end with the sandbox): the tool must not need it.
		for found in $(type -ap sudo); do mount --bind /dev/null "$found"; done
		command -v sudo && echo "sudo present"
		node ${cliPath} run --yes --doc ${document} --set file_owner=nobody; echo "exit run $?"
		stat -c '%U %n' /srv/owned/by-owner /srv/owned/by-nobody
		node ${cliPath} verify --doc ${document} --set file_owner=nobody; echo "exit verify $?"
	`, {timeoutMs: 60_000});
	t.notRegex(result.stdout, /sudo present/);
	t.regex(result.stdout, /^exit run 0$/m, `${result.stdout}\n${result.stderr}`);
	t.regex(result.stdout, /^nobody \/srv\/owned\/by-owner$/m);
	t.regex(result.stdout, /^nobody \/srv\/owned\/by-nobody$/m);
	t.regex(result.stdout, /^exit verify 0$/m, result.stdout);
});
