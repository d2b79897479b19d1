#!/usr/bin/env node
// Counts how many of the 22 secrets of test/fixtures/secrets/secrets.md each sink of the built CLI shows
// (plan, run --yes, status, verify, audit log, saved state), in a throwaway directory. Usage: node scripts/count-secret-leaks.js
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/secrets/secrets.md');
const secrets = [...readFileSync(path.join(root, 'test/fixtures/secrets/secrets.txt'), 'utf8').matchAll(/^\S+/gm)].map(match => match[0]);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'tomesh-leaks-'));
const work = path.join(temporary, 'work');
const state = path.join(temporary, 'state');
mkdirSync(work);
const env = {...process.env, WORK: work, TOMESH_SETUP_LOG_DIR: state};
const cli = args => {
	const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args, '--doc', fixture, '--state', state, '--set', 'admin_password=ParamSecret-0014'], {cwd: temporary, env, encoding: 'utf8'});
	return `${result.stdout}${result.stderr}`;
};

const files = directory => readdirSync(directory, {recursive: true}).map(name => path.join(directory, name)).filter(file => statSync(file).isFile());
const sinks = {
	'plan': () => cli(['plan']),
	'plan --json': () => cli(['plan', '--json']),
	'run --yes': () => cli(['run', '--yes']),
	'status': () => cli(['status']),
	'status --json': () => cli(['status', '--json']),
	'verify': () => cli(['verify']),
	'verify --json': () => cli(['verify', '--json']),
	'audit log': () => readFileSync(path.join(state, 'audit.log'), 'utf8'),
	'state (progress file)': () => readFileSync(path.join(state, 'progress-v1.json'), 'utf8'),
	// Backups are copies of the files changed, and the secrets file holds the secrets needed to resume: both 0600.
	'state dir (all but backups, secrets file)': () => files(state).filter(file => !file.includes(`${path.sep}backups${path.sep}`) && !file.endsWith('secrets-v1.json')).map(file => readFileSync(file, 'utf8')).join('\n'),
};

let total = 0;
for (const [name, read] of Object.entries(sinks)) {
	const text = read();
	const leaked = secrets.filter(secret => text.includes(secret));
	const occurrences = secrets.reduce((sum, secret) => sum + text.split(secret).length - 1, 0);
	total += leaked.length;
	console.log(`${name.padEnd(28)} ${String(leaked.length).padStart(2)}/22 secrets, ${occurrences} occurrences${leaked.length > 0 ? `: ${leaked.join(' ')}` : ''}`);
}

console.log(`total: ${total} secret×sink leaks`);
rmSync(temporary, {recursive: true, force: true});
execFileSync('true');
