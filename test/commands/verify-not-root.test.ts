import {spawnSync} from 'node:child_process';
import process from 'node:process';
import test from 'ava';
import {cliPath} from '../helpers/run-cli.js';

const canDrop = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;

(canDrop ? test : test.skip)('verify as someone other than root says it needs root instead of checking the wrong home', t => {
	const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, cliPath, 'verify'], {cwd: '/tmp', encoding: 'utf8', env: {PATH: process.env.PATH}});
	t.is(result.status, 2, result.stdout + result.stderr);
	t.is(result.stderr, "tomesh-setup: needs root: the checks look at root's files (run it with sudo; --state DIR checks as yourself)\n");
	t.is(result.stdout, '');
});
