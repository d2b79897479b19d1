import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {fixture, workspace} from './engine-workspace.js';

// A stub apt and apt-get first on PATH: `apt-get -s` answers as apt does, a real apt run only writes a log line.
function stubApt(root: string): Record<string, string> {
	const bin = path.join(root, 'bin');
	mkdirSync(bin);
	const simulate = [
		'#!/bin/sh',
		'[ "$1" = -s ] || exit 3',
		'echo "Reading package lists..."',
		'case "$*" in',
		'  *purge*) echo "Purg oldpkg [1.0]"; echo "Remv oldpkg-data [1.0]" ;;',
		'  *) echo "Inst $3 (2.0 Debian:12 [all])"; echo "Inst libc6 [2.36-9] (2.36-9+deb12u9 Debian:12 [amd64])"; echo "Conf $3 (2.0 Debian:12 [all])" ;;',
		'esac',
	].join('\n');
	writeFileSync(path.join(bin, 'apt-get'), `${simulate}\n`);
	writeFileSync(path.join(bin, 'apt'), '#!/bin/sh\necho "$*" >> "$WORK/apt.log"\n');
	for (const name of ['apt-get', 'apt']) chmodSync(path.join(bin, name), 0o755);
	return {PATH: `${bin}:${process.env.PATH ?? ''}`};
}

test('run --yes prints apt\'s simulation before each package step and stops before a removal unless --allow-removals', async t => {
	const w = workspace(fixture('apt'));
	const env = stubApt(w.root);
	const stopped = await w.cli(['run', '--yes', '--set', 'package=newtool'], env);
	t.is(stopped.exitCode, 1, stopped.stderr);
	t.regex(stopped.stdout, /changes packages \(apt-get -s of: apt install -y newtool\)\n {4}install 1: newtool\n {4}upgrade 1: libc6\n/);
	t.regex(stopped.stdout, /REMOVE 2: oldpkg oldpkg-data\n/);
	t.regex(stopped.stdout, /stopped before packages\.change-packages\/2: it removes packages oldpkg oldpkg-data; run again with --allow-removals to let it\n/);
	t.is(readFileSync(path.join(w.work, 'apt.log'), 'utf8'), 'install -y newtool\n', 'the removal did not run');

	const allowed = await w.cli(['run', '--yes', '--allow-removals'], env);
	t.is(allowed.exitCode, 0, allowed.stdout + allowed.stderr);
	t.is(readFileSync(path.join(w.work, 'apt.log'), 'utf8'), 'install -y newtool\npurge -y oldpkg\n');
});

test('--allow-removals goes with run only', async t => {
	const w = workspace(fixture('apt'));
	const result = await w.cli(['plan', '--allow-removals']);
	t.is(result.exitCode, 2);
	t.is(result.stderr, "tomesh-setup: --allow-removals: goes with run only, not 'plan'\n");
});
