// pebble, a local ACME server, inside the sandbox: certbot gets real certificates from it offline. Its own listener
// certificate is made here with keyUsage (CA) and an authority key id (leaf), which Python 3.13 insists on.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {run, type ServerSandbox} from './sandbox-root.js';

/** The ACME directory URL as the sandbox reaches it. */
export const acmeDirectory = 'https://pebble.test:14000/dir';

/** Where the CA certificate of pebble's listener is, inside the sandbox (certbot's REQUESTS_CA_BUNDLE). */
export const listenerCa = '/opt/e2e/pebble/ca.pem';

/** Where the root that signs the issued certificates is written inside the sandbox (once pebble runs). */
export const issuingRoot = '/opt/e2e/pebble/issuing-root.pem';

/** Makes the listener certificates and the config, then starts pebble in the sandbox and waits for it. */
export async function startPebble(sandbox: ServerSandbox): Promise<void> {
	const dir = path.join(sandbox.shared, 'pebble');
	mkdirSync(dir, {recursive: true});
	const file = (name: string) => path.join(dir, name);
	writeFileSync(file('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
	writeFileSync(
		file('leaf.ext'),
		'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nsubjectAltName=DNS:pebble.test,DNS:localhost,IP:127.0.0.1\n',
	);
	await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=e2e pebble listener CA', '-extensions', 'v3_ca', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
	await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('key.pem'), '-out', file('leaf.csr'), '-subj', '/CN=pebble.test']);
	await run('openssl', ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('cert.pem'), '-days', '2', '-extfile', file('leaf.ext')]);
	writeFileSync(
		file('config.json'),
		JSON.stringify({
			pebble: {
				listenAddress: '127.0.0.1:14000',
				managementListenAddress: '127.0.0.1:15000',
				certificate: '/opt/e2e/pebble/cert.pem',
				privateKey: '/opt/e2e/pebble/key.pem',
				httpPort: 80,
				tlsPort: 443,
				ocspResponderURL: '',
				externalAccountBindingRequired: false,
			},
		}),
	);
	sandbox.background(['/usr/bin/env', 'PEBBLE_VA_NOSLEEP=1', 'PEBBLE_WFE_NONCEREJECT=0', '/usr/local/bin/pebble', '-config', '/opt/e2e/pebble/config.json']);
	// The issued certificates chain to a root pebble makes at start: trust it like a public CA (system store + Node).
	const fetchRoot = `const https=require('https'),fs=require('fs');const ca=fs.readFileSync('${file('ca.pem')}');let n=0;
(function get(){https.get('https://127.0.0.1:15000/roots/0',{ca},r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>{fs.writeFileSync('${file('issuing-root.pem')}',b);})}).on('error',e=>{if(++n>200)throw e;setTimeout(get,50)})})()`;
	const fetched = await sandbox.execHost([process.execPath, '-e', fetchRoot]);
	if (fetched.code !== 0) throw new Error(`pebble did not answer: ${fetched.stderr}`);
	const trusted = await sandbox.exec(`cp ${issuingRoot} /usr/local/share/ca-certificates/e2e-acme-root.crt && update-ca-certificates >/dev/null`);
	if (trusted.code !== 0) throw new Error(`could not trust pebble's root: ${trusted.stderr}`);
}
