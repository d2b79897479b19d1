import {fileURLToPath} from 'node:url';
import test from 'ava';
import {nginxServerNames, parseListening, parseMeminfo, parseOsRelease, parseProcLocks} from '../../../source/domain/preflight/parse-system-files.js';
import {preflightTargets} from '../../../source/domain/preflight/targets.js';
import {loadDocuments} from '../../../source/load-documents.js';

test('os-release: id, family, version, codename, pretty name', (t) => {
	const text = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n';
	t.deepEqual(parseOsRelease(text), {id: 'ubuntu', idLike: ['debian'], versionId: '24.04', codename: 'noble', prettyName: 'Ubuntu 24.04.1 LTS'});
	t.is(parseOsRelease('NAME=x\n'), undefined);
});

test('/proc/net/tcp and tcp6: only listening sockets, with address, port and inode', (t) => {
	const tcp = [
		'  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
		'   0: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41230 1 0000000000000000 100 0 0 10 0',
		'   1: 0100007F:1F48 00000000:0000 0A 00000000:00000000 00:00000000 00000000   107        0 41999 1 0000000000000000 100 0 0 10 0',
		'   2: 0100007F:B1FD 0100007F:A776 06 00000000:00000000 03:000005E6 00000000     0        0 0 3 0000000000000000',
	].join('\n');
	t.deepEqual(parseListening(tcp), [
		{port: 80, address: '0.0.0.0', inode: 41230},
		{port: 8008, address: '127.0.0.1', inode: 41999},
	]);
	const tcp6 = [
		'  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
		'   0: 00000000000000000000000000000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5150 1 0000000000000000 100 0 0 10 0',
		'   1: 00000000000000000000000001000000:2100 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5151 1 0000000000000000 100 0 0 10 0',
	].join('\n');
	t.deepEqual(parseListening(tcp6), [
		{port: 443, address: '::', inode: 5150},
		{port: 8448, address: '::1', inode: 5151},
	]);
});

test('/proc/locks: holder pid and inode; waiters skipped', (t) => {
	const text = '1: POSIX  ADVISORY  WRITE 4242 08:01:1835012 0 EOF\n1: -> POSIX  ADVISORY  WRITE 4300 08:01:1835012 0 EOF\n2: FLOCK  ADVISORY  WRITE 17 00:1a:99 0 EOF\n';
	t.deepEqual(parseProcLocks(text), [{pid: 4242, inode: 1835012}, {pid: 17, inode: 99}]);
});

test('/proc/meminfo: total, available and swap in bytes', (t) => {
	t.deepEqual(parseMeminfo('MemTotal:        1004096 kB\nMemFree:  1000 kB\nMemAvailable:     512000 kB\nSwapTotal:             0 kB\n'), {total: 1004096 * 1024, available: 512000 * 1024, swapTotal: 0});
	t.is(parseMeminfo(''), undefined);
});

test('nginx: every server_name, comments ignored', (t) => {
	t.deepEqual(nginxServerNames('server {\n  # server_name old.example.org;\n  server_name Chat.Example.org  www.example.org;\n}\nserver { server_name _; }\n'), ['chat.example.org', 'www.example.org', '_']);
});

test('targets of the shipped 2016 runbook: its domain parameters (given values first), apt and Synapse', (t) => {
	const documents = loadDocuments([fileURLToPath(new URL('../../../runbooks/tomesh-chat.md', import.meta.url))]);
	const targets = preflightTargets(documents, {chat_host: 'chat.example.org'});
	t.deepEqual(targets.hostNames, ['tomesh.net', 'matrix.tomesh.net', 'chat.example.org']);
	t.true(targets.usesApt);
	t.true(targets.usesSynapse);
	t.false(targets.usesSystemctl);
});
