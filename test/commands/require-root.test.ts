// Commands that work on the server's own files, started by a user other than root without --state: one line saying
// they need root, exit 2, nothing run and nothing left in that user's home.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import {cliPath} from '../helpers/run-cli.js';

const canDrop = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;

const cases: Array<[string[], string]> = [
	[['verify'], "needs root: the checks look at root's files (run it with sudo; --state DIR checks as yourself)"],
	[['run', '--yes'], "needs root: the steps change the server's files and services (run it with sudo; --state DIR runs them as yourself)"],
	[['undo', 'prepare-the-server.names-and-firewall/2', '--yes'], "needs root: undo puts back the server's files (run it with sudo; --state DIR undoes as yourself)"],
];

for (const [args, message] of cases) {
	(canDrop ? test : test.skip)(`${args[0]} as someone other than root says it needs root, and does nothing`, t => {
		const home = `/tmp/tomesh-not-root-${process.pid}-${args[0]}`;
		const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, cliPath, ...args], {cwd: '/tmp', encoding: 'utf8', env: {PATH: process.env.PATH, HOME: home}});
		t.is(result.status, 2, result.stdout + result.stderr);
		t.is(result.stderr, `tomesh-setup: ${message}\n`);
		t.is(result.stdout, '');
		t.false(existsSync(home), 'no state made in the home directory');
	});
}
