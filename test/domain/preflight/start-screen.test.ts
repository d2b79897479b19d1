import test from 'ava';
import {findingLines, preflightCounts} from '../../../source/domain/preflight/finding-text.js';
import {startScreenFindings} from '../../../source/domain/preflight/start-screen.js';
import type {PreflightFinding} from '../../../source/domain/preflight/types.js';

const finding = (id: string, level: PreflightFinding['level'], what: string, consequence = '', todo = ''): PreflightFinding => ({id, level, what, consequence, todo});

test('blockers first, then warnings of what the documents collide with, then other warnings; present things kept, free ones not', t => {
	const all = [
		finding('init', 'warn', 'PID 1 is bash'),
		finding('port-80', 'ok', 'port 80 is in use by nginx (pid 1)'),
		finding('port-443', 'ok', 'port 443 is free'),
		finding('port-8448', 'warn', 'port 8448 is in use by python3'),
		finding('certificate-matrix.example.org', 'ok', 'a certificate for matrix.example.org exists'),
		finding('disk', 'block', 'no room'),
		finding('os', 'ok', 'Debian'),
	];
	const sorted = startScreenFindings(all);
	t.deepEqual(sorted.attention.map(f => f.id), ['disk', 'port-8448', 'init']);
	t.deepEqual(sorted.present.map(f => f.id), ['port-80', 'certificate-matrix.example.org']);
	t.true(sorted.blocking);
	t.false(startScreenFindings(all.filter(f => f.level !== 'block')).blocking);
	t.is(preflightCounts(all), '4 ok, 2 warnings, 1 blocking');
	t.is(preflightCounts([finding('os', 'warn', 'x')]), '0 ok, 1 warning, 0 blocking');
});

test('a finding reads as its mark and what, then what it means and what to do when there is something to say', t => {
	t.deepEqual(findingLines(finding('apt-lock', 'warn', 'apt/dpkg lock is held', 'installs fail', 'wait')), ['⚠ apt/dpkg lock is held', '    means: installs fail', '    to do: wait']);
	t.deepEqual(findingLines(finding('os', 'ok', 'Debian')), ['✔ Debian']);
});
