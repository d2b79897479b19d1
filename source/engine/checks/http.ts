import http from 'node:http';
import https from 'node:https';
import type {Check} from '../../domain/types.js';
import {formatDuration, type CheckContext, type CheckOutcome} from './context.js';
import {networkFailure} from './port.js';

type HttpCheck = Extract<Check, {kind: 'http'}>;

// Only the start of a body is searched: a check must not download a whole site.
const maxBody = 1024 * 1024;

/**
 * Runs an HTTP(S) check: GET the URL, pass when the status is below 500 (or exactly `status`) and the body contains
 * `contains`. HTTPS certificates are not verified — a local check of a server behind a self-signed or not yet issued
 * certificate is still meaningful — and the detail says so.
 */
export async function runHttpCheck(check: HttpCheck, context: CheckContext): Promise<CheckOutcome> {
	let url: URL;
	try {
		url = new URL(check.url);
	} catch {
		return {status: 'fail', detail: `not a URL: ${check.url}`};
	}

	const secure = url.protocol === 'https:';
	if (!secure && url.protocol !== 'http:') return {status: 'fail', detail: `unsupported protocol ${url.protocol}`};
	let response: {status: number; body: string};
	try {
		response = await get(url, secure, context);
	} catch (error) {
		return networkFailure(error, `${url.host}`, context.timeoutMs);
	}

	const note = secure ? ' (certificate not verified: self-signed accepted for a local check)' : '';
	const statusOk = check.status === undefined ? response.status < 500 : response.status === check.status;
	if (!statusOk) {
		const wanted = check.status === undefined ? 'below 500' : String(check.status);
		return {status: 'fail', detail: `HTTP ${response.status}, expected ${wanted}${note}`};
	}

	if (check.contains !== undefined && !response.body.includes(check.contains)) {
		return {status: 'fail', detail: `HTTP ${response.status} but the body does not contain '${check.contains}'${note}`};
	}

	return {status: 'pass', detail: `HTTP ${response.status}${check.contains === undefined ? '' : `, body contains '${check.contains}'`}${note}`};
}

async function get(url: URL, secure: boolean, context: CheckContext): Promise<{status: number; body: string}> {
	return new Promise((resolve, reject) => {
		const request = (secure ? https : http).get(url, {
			signal: context.signal,
			timeout: context.timeoutMs,
			rejectUnauthorized: false,
			headers: {'user-agent': 'tomesh-setup verify'},
		});
		request.on('timeout', () => {
			request.destroy(Object.assign(new Error(`timed out after ${formatDuration(context.timeoutMs)}`), {code: 'ETIMEDOUT'}));
		});
		request.on('error', reject);
		request.on('response', response => {
			const chunks: Uint8Array[] = [];
			let size = 0;
			response.on('data', (chunk: Uint8Array) => {
				if (size < maxBody) chunks.push(chunk);
				size += chunk.length;
			});
			response.on('error', reject);
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')});
			});
		});
	});
}
