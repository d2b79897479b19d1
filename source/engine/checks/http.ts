import http from 'node:http';
import https from 'node:https';
import type {Check} from '../../domain/types.js';
import {formatDuration, type CheckContext, type CheckOutcome} from './context.js';
import {networkFailure} from './port.js';

type HttpCheck = Extract<Check, {kind: 'http'}>;

// Only the start of a body is searched: a check must not download a whole site.
const maxBody = 1024 * 1024;

/** The pause before retry `attempt` (1-based): 250 ms doubling, at most 2 s — short, and bounded by `retries`. */
export function httpRetryDelayMs(attempt: number): number {
	return Math.min(2000, 250 * 2 ** (attempt - 1));
}

/** The longest an HTTP check may take: every attempt's timeout plus the pauses between them. */
export function httpCheckBudgetMs(check: HttpCheck, timeoutMs: number): number {
	const retries = check.retries ?? 0;
	let pauses = 0;
	for (let attempt = 1; attempt <= retries; attempt++) pauses += httpRetryDelayMs(attempt);
	return timeoutMs * (retries + 1) + pauses;
}

/** Waits `ms`, or less when the signal aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
	await new Promise<void>((resolve) => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}

		signal.addEventListener('abort', done, {once: true});
	});
}

/**
 * Runs an HTTP(S) check: GET the URL, pass when the status is below 500 (or exactly `status`) and the body contains
 * `contains`. HTTPS certificates are not verified — a local check of a server behind a self-signed or not yet issued
 * certificate is still meaningful — and the detail says so. With `retries=N` a failing attempt is repeated up to N
 * times after a short backoff (a server that is still starting), and the detail says how many attempts it took.
 */
export async function runHttpCheck(check: HttpCheck, context: CheckContext): Promise<CheckOutcome> {
	const retries = check.retries ?? 0;
	let outcome = await attemptHttpCheck(check, context);
	let attempts = 1;
	while (outcome.status === 'fail' && attempts <= retries && !context.signal.aborted) {
		await pause(httpRetryDelayMs(attempts), context.signal);
		if (context.signal.aborted) break;
		outcome = await attemptHttpCheck(check, context);
		attempts++;
	}

	if (attempts === 1) return outcome;
	return {...outcome, detail: `${outcome.detail} (${outcome.status === 'pass' ? `after ${attempts} attempts` : `${attempts} attempts`})`};
}

/** One GET of an HTTP check. */
async function attemptHttpCheck(check: HttpCheck, context: CheckContext): Promise<CheckOutcome> {
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
