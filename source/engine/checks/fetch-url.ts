import type {IncomingHttpHeaders} from 'node:http';
import {isIP} from 'node:net';
import type {PeerCertificate, TLSSocket} from 'node:tls';
import {formatDuration} from './context.js';

// Only the start of a body is read: a check must not download a whole site.
const maxBody = 1024 * 1024;

/** How many redirects a check follows before it gives up. */
export const maxRedirects = 5;

/** What a GET brought back, after redirects. */
export interface Fetched {
	status: number;
	body: string;
	headers: IncomingHttpHeaders;
	/** The URL that answered last (differs from the one asked when redirects were followed). */
	finalUrl: string;
	redirects: number;
	/** The server's certificate, for https. */
	certificate?: PeerCertificate;
}

/** Options of `fetchUrl`. */
export interface FetchOptions {
	timeoutMs: number;
	signal?: AbortSignal;
	/** Follow redirects (bounded by maxRedirects); default true. */
	follow?: boolean;
	/** Connect to this address instead of resolving the URL's host (the certificate is still checked against the host). */
	address?: string;
	/** The name the certificate must be valid for, when it is not the URL's host (a delegated Matrix server). */
	servername?: string;
}

/**
 * GETs a URL. https certificates are verified against the system's trust store (Node's, plus NODE_EXTRA_CA_CERTS for
 * a private CA): an invalid certificate rejects with the TLS error. Redirects are followed up to maxRedirects.
 */
export async function fetchUrl(url: URL, options: FetchOptions): Promise<Fetched> {
	let current = url;
	for (let redirects = 0; ; redirects++) {
		// eslint-disable-next-line no-await-in-loop
		const answer = await getOnce(current, options);
		const location = answer.headers.location;
		if (options.follow === false || answer.status < 300 || answer.status >= 400 || !location) return {...answer, finalUrl: current.href, redirects};
		if (redirects === maxRedirects) throw Object.assign(new Error(`more than ${maxRedirects} redirects (last to ${location})`), {code: 'EREDIRECTS'});
		current = new URL(location, current);
		if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new Error(`redirected to unsupported ${current.href}`);
	}
}

type LookupCallback = (error: null, address: string | Array<{address: string; family: number}>, family?: number) => void;

// A lookup that always answers `address`. Node 20 connects with autoSelectFamily and then asks for `all` addresses.
function fixedLookup(address: string) {
	const family = isIP(address) === 6 ? 6 : 4;
	return (_host: string, options: {all?: boolean}, callback: LookupCallback) => {
		if (options?.all) callback(null, [{address, family}]);
		else callback(null, address, family);
	};
}

async function getOnce(url: URL, options: FetchOptions): Promise<Omit<Fetched, 'finalUrl' | 'redirects'>> {
	const secure = url.protocol === 'https:';
	// Node's HTTP client is loaded by the first check that needs it, not with the engine (the first frame waits for that).
	const client = secure ? await import('node:https') : await import('node:http');
	return new Promise((resolve, reject) => {
		const request = client.get(url, {
			signal: options.signal,
			timeout: options.timeoutMs,
			headers: {'user-agent': 'tomesh-setup verify'},
			...(options.address ? {lookup: fixedLookup(options.address)} : {}),
			...(secure ? {agent: false as const, ...(isIP(options.servername ?? url.hostname) === 0 ? {servername: options.servername ?? url.hostname} : {})} : {}),
		});
		request.on('timeout', () => {
			request.destroy(Object.assign(new Error(`timed out after ${formatDuration(options.timeoutMs)}`), {code: 'ETIMEDOUT'}));
		});
		request.on('error', reject);
		request.on('response', response => {
			const certificate = secure ? (response.socket as TLSSocket).getPeerCertificate() : undefined;
			const chunks: Uint8Array[] = [];
			let size = 0;
			response.on('data', (chunk: Uint8Array) => {
				if (size < maxBody) chunks.push(chunk);
				size += chunk.length;
			});
			response.on('error', reject);
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), ...(certificate ? {certificate} : {})});
			});
		});
	});
}

/** A TLS verification error in plain words, or undefined when the error is not one. */
export function tlsProblem(error: unknown, host: string): string | undefined {
	const code = (error as NodeJS.ErrnoException).code ?? '';
	const reasons: Record<string, string> = {
		ERR_TLS_CERT_ALTNAME_INVALID: `the certificate is not valid for ${host}`,
		CERT_HAS_EXPIRED: 'the certificate has expired',
		DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
		SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chains to an untrusted root (a private CA needs NODE_EXTRA_CA_CERTS)',
		UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate chain is incomplete or untrusted (serve fullchain.pem; a private CA needs NODE_EXTRA_CA_CERTS)',
		UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate chain is incomplete or untrusted (serve fullchain.pem; a private CA needs NODE_EXTRA_CA_CERTS)',
		CERT_NOT_YET_VALID: 'the certificate is not valid yet',
	};
	return reasons[code];
}
