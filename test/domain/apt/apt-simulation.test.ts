import {readFileSync} from 'node:fs';
import test from 'ava';
import {aptSimulations} from '../../../source/domain/apt/apt-commands.js';
import {describeAptSummary, parseAptSimulation} from '../../../source/domain/apt/apt-simulation.js';

const fixture = (name: string) => readFileSync(`test/fixtures/apt/${name}.txt`, 'utf8');

test('Inst lines without an old version are installs; Conf lines repeat them', t => {
	const summary = parseAptSimulation(fixture('install'));
	t.deepEqual(summary, {install: ['libtext-charwidth-perl', 'cowsay'], upgrade: [], remove: [], errors: []});
});

test('Inst lines with an old version in brackets are upgrades', t => {
	const summary = parseAptSimulation(fixture('upgrade'));
	t.true(summary.upgrade.length > 0);
	t.deepEqual(summary.install, []);
	t.true(summary.upgrade.includes('base-files'));
});

test('Purg and Remv lines are removals, shown apart and in capitals', t => {
	const summary = parseAptSimulation(fixture('purge'));
	t.deepEqual(summary.remove, ['certbot']);
	t.deepEqual(describeAptSummary(summary), ['REMOVE 1: certbot']);
	t.deepEqual(parseAptSimulation('Remv exim4-daemon-light [4.96-15]\nInst postfix (3.7.11-0 Debian:12 [amd64])\n').remove, ['exim4-daemon-light']);
});

test('apt\'s errors are kept: the real run would fail the same way', t => {
	t.deepEqual(describeAptSummary(parseAptSimulation(fixture('unknown'))), ['apt cannot work this out: Unable to locate package nosuchpackage-xyz']);
});

test('the simulation has the same arguments, by reference; commands that change no packages have none', t => {
	t.deepEqual(aptSimulations('apt install -y nginx "${TS_PARAM_SYNAPSE_PACKAGE}"'), ['apt-get -s install nginx "${TS_PARAM_SYNAPSE_PACKAGE}"']);
	t.deepEqual(aptSimulations('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -y --no-install-recommends install \\\n  certbot'), [
		'apt-get -s --no-install-recommends install certbot',
	]);
	t.deepEqual(aptSimulations('sudo aptitude full-upgrade; apt purge exim4 && apt autoremove'), ['apt-get -s dist-upgrade', 'apt-get -s purge exim4', 'apt-get -s autoremove']);
	t.deepEqual(aptSimulations('apt update'), []);
	t.deepEqual(aptSimulations('apt-cache policy nginx'), []);
	t.deepEqual(aptSimulations('echo apt install x'), []);
});
