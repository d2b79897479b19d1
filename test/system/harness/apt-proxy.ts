// apt inside the sandbox's own network namespace reaches Debian's mirror through this: an HTTP proxy on a unix socket
// (host side) and a relay from 127.0.0.1:3142 to it (sandbox side). Nothing but deb.debian.org is forwarded.
import http from 'node:http';
import path from 'node:path';
import type {ServerSandbox} from './sandbox-root.js';

const allowed = new Set(['deb.debian.org']);

/** Starts the host side on `socket`; resolves to a function that closes it. */
export async function startAptProxy(socket: string): Promise<() => Promise<void>> {
	const agent = new http.Agent({keepAlive: true, maxSockets: 4});
	const server = http.createServer((request, response) => {
		let target: URL;
		try {
			target = new URL(request.url ?? '');
		} catch {
			response.writeHead(400).end();
			return;
		}

		if (target.protocol !== 'http:' || !allowed.has(target.hostname)) {
			response.writeHead(403).end(`only ${[...allowed].join(', ')} is reachable from the sandbox\n`);
			return;
		}

		const headers: Record<string, string | string[] | undefined> = {...request.headers, host: target.host};
		delete headers['proxy-connection'];
		const upstream = http.get(target, {agent, headers}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		upstream.setTimeout(60_000, () => upstream.destroy(new Error('timeout')));
		upstream.on('error', () => {
			if (!response.headersSent) response.writeHead(502);
			response.end();
		});
	});
	await new Promise<void>(resolve => server.listen(socket, resolve));
	return async () => {
		server.closeAllConnections();
		agent.destroy();
		await new Promise(resolve => server.close(resolve));
	};
}

/** Starts the sandbox side: a relay from 127.0.0.1:3142 in the sandbox's network to the host's socket. */
export function startRelay(sandbox: ServerSandbox, socket: string): void {
	const script = `const net=require('net');net.createServer(c=>{const u=net.connect(${JSON.stringify(socket)});c.pipe(u).pipe(c);u.on('error',()=>c.destroy());c.on('error',()=>u.destroy())}).listen(3142,'127.0.0.1')`;
	sandbox.background([process.execPath, '-e', script], {host: true});
}

/** Where the socket of a sandbox's proxy lives. */
export const proxySocket = (sandbox: ServerSandbox) => path.join(sandbox.dir, 'apt.sock');
