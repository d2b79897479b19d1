import {isIP} from 'node:net';
import type {Check} from '../../domain/types.js';
import type {CheckContext, CheckOutcome} from './context.js';
import {fetchUrl, tlsProblem, type Fetched} from './fetch-url.js';

type MatrixCheck = Extract<Check, {kind: 'matrix'}>;

/** A thing found wrong, what fixes it, and what the step that fixes it mentions (to name that step). */
interface Problem {
	what: string;
	fix: string;
	look?: string[];
}

/** Where federation traffic for a server name goes (Matrix server-server API, "Resolving server names"). */
export interface Delegation {
	host: string;
	port: number;
	/** The name the certificate must be valid for, and the Host header. */
	tlsName: string;
	how: string;
}

/** DNS answers the resolution needs; injectable for tests. */
export interface MatrixResolver {
	srv(name: string): Promise<Array<{name: string; port: number}>>;
	addresses(host: string): Promise<string[]>;
}

// Lookups of unknown names can hang rather than fail where there is no DNS: each one is bounded. Node's resolver is
// loaded by the first Matrix check, not with the engine.
function systemResolver(timeoutMs: number): MatrixResolver {
	const dns = import('node:dns');
	const resolver = dns.then(({promises}) => new promises.Resolver({timeout: Math.min(timeoutMs, 3000), tries: 1}));
	return {
		srv: async name => (await resolver).resolveSrv(name).catch(() => []),
		addresses: async host => (await (await dns).promises.lookup(host, {all: true})).map(entry => entry.address),
	};
}

const splitHostPort = (text: string): {host: string; port?: number} => {
	const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text);
	return match ? {host: match[1]!.replace(/^\[|\]$/g, ''), ...(match[2] ? {port: Number(match[2])} : {})} : {host: text};
};

/** Resolves a delegated name the spec's way: explicit port or IP, then _matrix-fed._tcp, legacy _matrix._tcp, then 8448. */
export async function resolveDelegation(name: string, resolver: MatrixResolver, via: string): Promise<Delegation> {
	const {host, port} = splitHostPort(name);
	if (isIP(host) !== 0 || port !== undefined) return {host, port: port ?? 8448, tlsName: host, how: `${via}${port === undefined ? ', port 8448' : ''}`};
	for (const service of ['_matrix-fed._tcp', '_matrix._tcp']) {
		// eslint-disable-next-line no-await-in-loop
		const [record] = await resolver.srv(`${service}.${host}`);
		if (record) return {host: record.name, port: record.port, tlsName: host, how: `${via}, SRV ${service}.${host}`};
	}

	return {host, port: 8448, tlsName: host, how: `${via}, no SRV record: port 8448`};
}

const json = (answer: Fetched): Record<string, unknown> | undefined => {
	try {
		const value: unknown = JSON.parse(answer.body);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
};

// What to do, each fix once (at most three), then the step of the documents that does it when one does: fixes done by
// the same step are named with it once.
function fixes(problems: Problem[], context: CheckContext): string {
	const groups: Array<{fixes: string[]; step?: string}> = [];
	for (const problem of problems) {
		if (groups.some(group => group.fixes.includes(problem.fix))) continue;
		if (groups.reduce((count, group) => count + group.fixes.length, 0) === 3) break;
		const found = problem.look && context.locate?.(problem.look);
		const step = found ? `step ${found.id}: ${found.title}` : undefined;
		const group = step === undefined ? undefined : groups.find(candidate => candidate.step === step);
		if (group) group.fixes.push(problem.fix);
		else groups.push({fixes: [problem.fix], ...(step === undefined ? {} : {step})});
	}

	return groups.map(group => `${group.fixes.join('; ')}${group.step ? ` — ${group.step}` : ''}`).join('; ');
}

/**
 * Checks a Matrix deployment from this server the way a federation tester does: the client and server
 * `.well-known` files (JSON, CORS), the delegated host and port resolved in the spec's order, the federation
 * version and signing keys on every resolved address with the certificate valid for the delegated name, the client
 * API through the public base URL, the certificate's days left, and the web client's config.json.
 */
export async function runMatrixCheck(check: MatrixCheck, context: CheckContext, resolver: MatrixResolver = systemResolver(context.timeoutMs)): Promise<CheckOutcome> {
	const problems: Problem[] = [];
	const notes: string[] = [];
	const server = check.serverName;
	const site = `the nginx site of ${server}`;
	const get = async (url: string, extra: {address?: string; servername?: string} = {}): Promise<Fetched | Problem> => {
		try {
			return await fetchUrl(new URL(url), {timeoutMs: context.timeoutMs, signal: context.signal, ...extra});
		} catch (error) {
			const host = extra.servername ?? new URL(url).hostname;
			const tls = tlsProblem(error, host);
			const what = `${url}${extra.address ? ` at ${extra.address}` : ''}: ${tls ?? (error as Error).message}`;
			if (tls) return {what, fix: `get a certificate for ${host} (certbot) and serve its fullchain.pem`, look: ['certbot certonly']};
			return {what, fix: `make ${new URL(url).host} answer (nginx running, site enabled, firewall open)`, look: [`sites-enabled/${new URL(url).hostname}`]};
		}
	};

	// Client discovery.
	let baseUrl: string | undefined;
	const client = await get(`https://${server}/.well-known/matrix/client`);
	if ('what' in client) problems.push(client);
	else {
		const body = json(client);
		const homeserver = body?.['m.homeserver'] as {base_url?: unknown} | undefined;
		if (client.status !== 200 || typeof homeserver?.base_url !== 'string') problems.push({what: `/.well-known/matrix/client answers HTTP ${client.status} without m.homeserver.base_url`, fix: `serve /.well-known/matrix/client from ${site}`, look: ['/.well-known/matrix/client']});
		else baseUrl = homeserver.base_url.replace(/\/+$/, '');
		if (client.headers['access-control-allow-origin'] !== '*') problems.push({what: '/.well-known/matrix/client has no Access-Control-Allow-Origin: * (web clients cannot read it)', fix: `add_header Access-Control-Allow-Origin * always; in ${site}`, look: ['/.well-known/matrix/client', 'Access-Control-Allow-Origin']});
	}

	// Server discovery, then federation on every resolved address.
	let delegation: Delegation | undefined;
	const wellKnown = await get(`https://${server}/.well-known/matrix/server`);
	const delegated = 'what' in wellKnown ? undefined : (json(wellKnown)?.['m.server'] as unknown);
	if (typeof delegated === 'string') delegation = await resolveDelegation(delegated, resolver, `.well-known delegates to ${delegated}`);
	else {
		if ('what' in wellKnown) problems.push(wellKnown);
		else problems.push({what: `/.well-known/matrix/server answers HTTP ${wellKnown.status} without m.server`, fix: `serve /.well-known/matrix/server from ${site}`, look: ['/.well-known/matrix/server']});
		delegation = await resolveDelegation(server, resolver, 'no .well-known');
	}

	const addresses = await resolver.addresses(delegation.host).catch(() => []);
	if (addresses.length === 0) problems.push({what: `${delegation.host} does not resolve`, fix: `add a DNS record for ${delegation.host}`, look: [`getent hosts ${delegation.host}`]});
	let daysLeft: number | undefined;
	for (const address of addresses) {
		const origin = `https://${delegation.host.includes(':') ? `[${delegation.host}]` : delegation.host}:${delegation.port}`;
		const options = {address, servername: delegation.tlsName};
		// eslint-disable-next-line no-await-in-loop
		const version = await get(`${origin}/_matrix/federation/v1/version`, options);
		if ('what' in version) {
			problems.push(version);
			continue;
		}

		if (version.status !== 200 || !json(version)?.server) problems.push({what: `federation version at ${address}:${delegation.port} answers HTTP ${version.status}`, fix: `proxy /_matrix to Synapse in the nginx site of ${delegation.host}`, look: ['proxy_pass', `server_name ${delegation.host}`]});
		if (version.certificate?.valid_to) {
			const left = Math.floor((Date.parse(version.certificate.valid_to) - Date.now()) / 86_400_000);
			daysLeft = Math.min(daysLeft ?? left, left);
		}

		// eslint-disable-next-line no-await-in-loop
		const keys = await get(`${origin}/_matrix/key/v2/server`, options);
		if ('what' in keys) {
			problems.push(keys);
			continue;
		}

		const body = json(keys);
		if (body?.server_name !== server) problems.push({what: `signing keys at ${address} are for '${String(body?.server_name)}', not ${server}`, fix: `set server_name: ${server} in /etc/matrix-synapse/conf.d (the installer's server-name answer)`, look: ['server-name']});
		else if (typeof body.valid_until_ts !== 'number' || body.valid_until_ts < Date.now()) problems.push({what: `signing keys at ${address} have expired`, fix: 'restart Synapse so that it publishes fresh keys', look: ['restart matrix-synapse']});
	}

	// The client API through the public base URL.
	if (baseUrl) {
		const versions = await get(`${baseUrl}/_matrix/client/versions`);
		if ('what' in versions) problems.push(versions);
		else if (!Array.isArray(json(versions)?.versions)) problems.push({what: `${baseUrl}/_matrix/client/versions answers HTTP ${versions.status} without versions`, fix: `proxy /_matrix to Synapse in the nginx site of ${new URL(baseUrl).host}`, look: ['proxy_pass', `server_name ${new URL(baseUrl).hostname}`]});
	}

	if (check.web) {
		const config = await get(`${check.web.replace(/\/+$/, '')}/config.json`);
		if ('what' in config) problems.push(config);
		else {
			const configured = ((json(config)?.default_server_config as Record<string, {base_url?: string}> | undefined)?.['m.homeserver']?.base_url ?? '').replace(/\/+$/, '');
			if (!configured) problems.push({what: `${check.web}/config.json has no default_server_config.m.homeserver.base_url`, fix: 'write the web client\'s config.json with default_server_config', look: ['default_server_config']});
			else if (baseUrl && configured !== baseUrl) problems.push({what: `${check.web}/config.json points at ${configured}, .well-known at ${baseUrl}`, fix: 'make config.json\'s base_url the homeserver\'s public URL', look: ['default_server_config']});
		}
	}

	if (daysLeft !== undefined) notes.push(daysLeft < 14 ? `warning: the certificate expires in ${daysLeft} days (is certbot's renewal running?)` : `certificate valid ${daysLeft} more days`);
	if (problems.length > 0) {
		const shown = problems.slice(0, 3).map(problem => problem.what).join('; ');
		return {status: 'fail', detail: `${shown}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`, hint: fixes(problems, context)};
	}

	return {status: 'pass', detail: [`federation via ${delegation.how} (${addresses.join(', ')}), keys and client API answer`, ...notes].join('; ')};
}
