import {readdirSync, readFileSync, readlinkSync, statfsSync, statSync} from 'node:fs';
import {X509Certificate} from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {documentPorts, preflightFindings} from '../domain/preflight/rules.js';
import {nginxServerNames, parseListening, parseMeminfo, parseOsRelease, parseProcLocks} from '../domain/preflight/parse-system-files.js';
import {preflightTargets} from '../domain/preflight/targets.js';
import type {ListeningSocket, PreflightFacts, PreflightFinding} from '../domain/preflight/types.js';
import type {SetupDocument} from '../domain/types.js';

/** Options of `gatherPreflightFacts`. */
export interface GatherOptions {
	/** The documents' host names: their nginx sites, certificates and DNS records are looked up. */
	hostNames: string[];
	/** Ask DNS where the host names point (the only part that may wait on the network). */
	dns: boolean;
	/** How long DNS may take in all (default 2 s; preflight gives it up to 3 s). */
	dnsTimeoutMs?: number;
}

/** A file's text, or undefined when it cannot be read. */
function read(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** The names in a directory, or none. */
function list(directory: string): string[] {
	try {
		return readdirSync(directory).sort();
	} catch {
		return [];
	}
}

/** A process's name from /proc. */
function processName(pid: number): string | undefined {
	return read(`/proc/${pid}/comm`)?.trim();
}

/** The process that owns each socket inode, found through /proc/PID/fd (only the processes this user may read). */
function socketOwners(inodes: Set<number>): Map<number, {pid: number; name: string}> {
	const owners = new Map<number, {pid: number; name: string}>();
	for (const entry of list('/proc')) {
		if (!/^\d+$/.test(entry) || owners.size === inodes.size) continue;
		for (const fd of list(`/proc/${entry}/fd`)) {
			let target: string;
			try {
				target = readlinkSync(`/proc/${entry}/fd/${fd}`);
			} catch {
				continue;
			}

			const inode = Number(/^socket:\[(\d+)]$/.exec(target)?.[1]);
			if (!inodes.has(inode) || owners.has(inode)) continue;
			const name = processName(Number(entry));
			if (name) owners.set(inode, {pid: Number(entry), name});
		}
	}

	return owners;
}

/** Sockets listening on the documents' ports, with their processes when visible. */
function listening(): ListeningSocket[] {
	const sockets = [...parseListening(read('/proc/net/tcp') ?? ''), ...parseListening(read('/proc/net/tcp6') ?? '')].filter((socket) => documentPorts.includes(socket.port));
	// Reading every process's descriptors costs a little: only when a port of interest is taken.
	const owners = sockets.length > 0 ? socketOwners(new Set(sockets.map((socket) => socket.inode))) : new Map();
	return sockets.map(({port, address, inode}) => ({port, address, ...(owners.has(inode) ? {process: owners.get(inode)} : {})}));
}

/** Who holds dpkg's lock, from /proc/locks (apt and dpkg take fcntl locks, which `flock -n` would not see). */
function aptLock(): PreflightFacts['aptLock'] {
	const inodes = new Set<number>();
	for (const file of ['/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock']) {
		try {
			inodes.add(statSync(file).ino);
		} catch {}
	}

	const locks = read('/proc/locks');
	if (inodes.size === 0 || locks === undefined) return undefined;
	const lock = parseProcLocks(locks).find((entry) => inodes.has(entry.inode));
	if (!lock) return {held: false};
	const name = processName(lock.pid);
	return {held: true, ...(name ? {process: {pid: lock.pid, name}} : {})};
}

/** nginx configuration files in use and their server names. */
function nginxSites(): PreflightFacts['nginxSites'] {
	const files = [
		...list('/etc/nginx/sites-enabled').map((name) => path.join('/etc/nginx/sites-enabled', name)),
		...list('/etc/nginx/conf.d').filter((name) => name.endsWith('.conf')).map((name) => path.join('/etc/nginx/conf.d', name)),
	];
	return files.flatMap((file) => {
		const text = read(file);
		return text === undefined ? [] : [{file, serverNames: nginxServerNames(text)}];
	});
}

/** Certificates under /etc/letsencrypt/live, with their expiry. */
function certificates(): PreflightFacts['certificates'] {
	return list('/etc/letsencrypt/live')
		.filter((name) => name !== 'README')
		.map((name) => {
			const pem = read(`/etc/letsencrypt/live/${name}/fullchain.pem`) ?? read(`/etc/letsencrypt/live/${name}/cert.pem`);
			try {
				return pem ? {name, notAfter: new Date(new X509Certificate(pem).validTo).toISOString()} : {name};
			} catch {
				return {name};
			}
		});
}

/** Free and total space of the file system holding /var (packages, Synapse's database and media). */
function disk(): PreflightFacts['disk'] {
	try {
		const stats = statfsSync('/var');
		return {path: '/var', free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize};
	} catch {
		return undefined;
	}
}

/** Where the host names point in DNS (the resolvers of /etc/resolv.conf, as certbot's CA and peers would see), bounded in time. */
async function dns(names: string[], timeoutMs: number): Promise<PreflightFacts['dns']> {
	// Loaded here, after the first frame, rather than with the engine.
	const {Resolver} = await import('node:dns/promises');
	const resolver = new Resolver({timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 1});
	const deadline = new Promise<'timeout'>((resolve) => {
		setTimeout(() => resolve('timeout'), timeoutMs).unref();
	});
	const one = async (name: string) => {
		const settled = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
		const addresses = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
		const errors = settled.flatMap((result) => (result.status === 'rejected' ? [(result.reason as NodeJS.ErrnoException).code ?? 'error'] : []));
		// NODATA / NOTFOUND mean the answer is "no such record"; anything else means we could not ask.
		if (addresses.length === 0 && errors.some((code) => !['ENODATA', 'ENOTFOUND'].includes(code))) return {name, error: [...new Set(errors)].join(', ')};
		return {name, addresses};
	};

	const answered = await Promise.race([Promise.all(names.map(one)), deadline]);
	resolver.cancel();
	const resolved = answered === 'timeout' ? names.map((name) => ({name, error: 'timed out'})) : answered;
	const local = Object.values(os.networkInterfaces()).flatMap((addresses) => (addresses ?? []).map((address) => address.address));
	return {names: resolved, local};
}

/**
 * What is already on this server that the documents will meet: OS, PID 1, apt lock, the documents' ports and who holds
 * them, nginx sites and certificates, memory, disk, and (with `dns`) where the host names point. Reads /etc, /proc
 * and /var only; changes nothing; never throws (what cannot be read is left out).
 */
export async function gatherPreflightFacts(options: GatherOptions): Promise<PreflightFacts> {
	const memory = parseMeminfo(read('/proc/meminfo') ?? '');
	const facts: PreflightFacts = {
		os: parseOsRelease(read('/etc/os-release') ?? ''),
		pid1: processName(1),
		aptLock: aptLock(),
		listening: listening(),
		nginxSites: nginxSites(),
		certificates: certificates(),
		...(memory ? {memory} : {}),
		disk: disk(),
		now: new Date().toISOString(),
	};
	if (options.dns && options.hostNames.length > 0) facts.dns = await dns(options.hostNames, options.dnsTimeoutMs ?? 2000);
	return facts;
}

/**
 * The short preflight `plan` and the walkthrough show: what this server already has that `documents` (filled in with
 * `values`) will meet, without DNS (lookups that time out would hold up `plan` and the first step; `preflight` asks).
 * Findings are not masked.
 */
export async function localPreflight(documents: SetupDocument[], values: Record<string, string>): Promise<PreflightFinding[]> {
	const targets = preflightTargets(documents, values);
	const facts = await gatherPreflightFacts({hostNames: targets.hostNames, dns: false});
	return preflightFindings(facts, targets);
}
