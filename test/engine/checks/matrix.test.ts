import test from 'ava';
import {resolveDelegation, type MatrixResolver} from '../../../source/engine/checks/matrix.js';

const resolver = (srv: Record<string, Array<{name: string; port: number}>>): MatrixResolver => ({
	srv: async name => srv[name] ?? [],
	addresses: async () => ['127.0.0.1'],
});

test('a delegated name with a port is used as it is', async t => {
	t.like(await resolveDelegation('matrix.example.org:443', resolver({}), 'wk'), {host: 'matrix.example.org', port: 443, tlsName: 'matrix.example.org'});
});

test('_matrix-fed._tcp comes before the legacy _matrix._tcp, then port 8448', async t => {
	const both = resolver({'_matrix-fed._tcp.example.org': [{name: 'fed.example.org', port: 8449}], '_matrix._tcp.example.org': [{name: 'old.example.org', port: 8450}]});
	t.like(await resolveDelegation('example.org', both, 'wk'), {host: 'fed.example.org', port: 8449, tlsName: 'example.org'});
	const legacy = resolver({'_matrix._tcp.example.org': [{name: 'old.example.org', port: 8450}]});
	t.like(await resolveDelegation('example.org', legacy, 'wk'), {host: 'old.example.org', port: 8450});
	t.like(await resolveDelegation('example.org', resolver({}), 'wk'), {host: 'example.org', port: 8448});
});
