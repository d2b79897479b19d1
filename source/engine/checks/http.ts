import type {Check} from '../../domain/types.js';
import {type CheckContext, type CheckOutcome} from './context.js';
import {networkFailure} from './port.js';
import {fetchUrl, tlsProblem, type Fetched} from './fetch-url.js';

type HttpCheck = Extract<Check, {kind: 'http'}>;

/**
 * Runs an HTTP(S) check: GET the URL, following redirects (bounded), and pass when the final answer's status is below
 * 400 (or exactly `status`, then without following) and its body contains `contains`. A redirect page alone does not
 * pass. https certificates are verified against the system's trust store (NODE_EXTRA_CA_CERTS adds a private CA).
 */
export async function runHttpCheck(check: HttpCheck, context: CheckContext): Promise<CheckOutcome> {
	let url: URL;
	try {
		url = new URL(check.url);
	} catch {
		return {status: 'fail', detail: `not a URL: ${check.url}`};
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') return {status: 'fail', detail: `unsupported protocol ${url.protocol}`};
	let response: Fetched;
	try {
		// A check that names a 3xx status looks at the redirect itself.
		response = await fetchUrl(url, {timeoutMs: context.timeoutMs, signal: context.signal, follow: check.status === undefined || check.status < 300 || check.status >= 400});
	} catch (error) {
		const tls = tlsProblem(error, url.hostname);
		if (tls) return {status: 'fail', detail: `${url.host}: ${tls}`, hint: 'get a valid certificate for this name (certbot), and serve its fullchain.pem'};
		if ((error as NodeJS.ErrnoException).code === 'EREDIRECTS') return {status: 'fail', detail: (error as Error).message};
		return networkFailure(error, `${url.host}`, context.timeoutMs);
	}

	const via = response.redirects > 0 ? ` (redirected to ${response.finalUrl})` : '';
	const statusOk = check.status === undefined ? response.status < 400 : response.status === check.status;
	if (!statusOk) {
		const wanted = check.status === undefined ? 'below 400' : String(check.status);
		return {status: 'fail', detail: `HTTP ${response.status}${via}, expected ${wanted}`};
	}

	if (check.contains !== undefined && !response.body.includes(check.contains)) {
		return {status: 'fail', detail: `HTTP ${response.status}${via} but the body does not contain '${check.contains}'`};
	}

	return {status: 'pass', detail: `HTTP ${response.status}${via}${check.contains === undefined ? '' : `, body contains '${check.contains}'`}`};
}
