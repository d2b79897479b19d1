// What every end-to-end Matrix test starts from: the cached sid base, a sandbox whose /etc/hosts knows the server's
// names, apt through the proxy, the Element stand-in and the client script in /opt/e2e, and pebble running.
import {copyFileSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {proxySocket, startAptProxy, startRelay} from './apt-proxy.js';
import {elementTarball} from './element-tarball.js';
import {issuingRoot, listenerCa, startPebble} from './pebble.js';
import {baseRoot, ServerSandbox} from './sandbox-root.js';

/** The names the server answers to, all resolved to the sandbox's loopback. */
export const names = {domain: 'example.test', matrix: 'matrix.example.test', chat: 'chat.example.test'};

/** The environment the CLI runs with in the sandbox: certbot and Node trust pebble. */
export const cliEnv = {REQUESTS_CA_BUNDLE: listenerCa, NODE_EXTRA_CA_CERTS: issuingRoot};

/** How long each phase of a test took, printed when the test file ends. */
export class PhaseTimes {
	private readonly times: Array<[string, number]> = [];

	/** Runs `work` and records its time under `name`. */
	async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
		const started = Date.now();
		try {
			return await work();
		} finally {
			this.times.push([name, (Date.now() - started) / 1000]);
		}
	}

	/** One line: each phase and its seconds. */
	toString(): string {
		return this.times.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`).join(', ');
	}
}

/** A started sandbox and how to end it (the proxy with it). */
export interface MatrixSandbox {
	sandbox: ServerSandbox;
	/** The base was made now (a cold cache), not taken from the cache. */
	made: boolean;
	close(): Promise<void>;
}

/** Starts the sandbox with everything a Matrix document needs from outside; `files` are copied into /opt/e2e. */
export async function startMatrixSandbox(repo: string, times: PhaseTimes, files: string[] = []): Promise<MatrixSandbox> {
	const base = await times.phase('debootstrap', baseRoot);
	const sandbox = new ServerSandbox(base.root, repo);
	let closeProxy: (() => Promise<void>) | undefined;
	const close = async () => {
		sandbox.stop();
		await closeProxy?.();
	};

	try {
		await sandbox.start([`127.0.0.1 ${names.domain} ${names.matrix} ${names.chat} pebble.test`]);
		closeProxy = await startAptProxy(proxySocket(sandbox));
		startRelay(sandbox, proxySocket(sandbox));
		elementTarball(sandbox.shared);
		for (const file of [path.join(import.meta.dirname, '..', 'matrix-client.mjs'), ...files]) copyFileSync(file, path.join(sandbox.shared, path.basename(file)));
		symlinkSync('/opt/tomesh-setup/node_modules', path.join(sandbox.shared, 'node_modules'));
		await times.phase('pebble', async () => startPebble(sandbox));
	} catch (error) {
		await close();
		throw error;
	}

	return {sandbox, made: base.made, close};
}

/** Runs the Matrix client in the sandbox: discovery through .well-known, login, a message sent and read back. */
export async function clientRoundTrip(sandbox: ServerSandbox, user: string, password: string) {
	return sandbox.execHost(['/usr/sbin/chroot', sandbox.merged, '/usr/bin/env', `NODE_EXTRA_CA_CERTS=${issuingRoot}`, 'PATH=/usr/local/bin:/usr/bin:/bin', 'node', '/opt/e2e/matrix-client.mjs', names.domain, user, password]);
}
