// Pure readers of the system files preflight looks at: the engine reads the files, these turn text into facts.
import type {PreflightFacts} from './types.js';

/** /etc/os-release → the OS fact (undefined without an ID). */
export function parseOsRelease(text: string): PreflightFacts['os'] {
	const values = new Map<string, string>();
	for (const line of text.split('\n')) {
		const match = /^([A-Z_]+)=(?:"([^"]*)"|'([^']*)'|(.*))$/.exec(line.trim());
		if (match) values.set(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
	}

	const id = values.get('ID');
	if (!id) return undefined;
	return {
		id,
		idLike: (values.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
		...(values.get('VERSION_ID') ? {versionId: values.get('VERSION_ID')} : {}),
		...(values.get('VERSION_CODENAME') ? {codename: values.get('VERSION_CODENAME')} : {}),
		prettyName: values.get('PRETTY_NAME') ?? id,
	};
}

/** A listening socket in /proc/net/tcp or tcp6: its port, address and socket inode. */
export interface ProcSocket {
	port: number;
	address: string;
	inode: number;
}

/** The `/proc/net/tcp` address `0100007F` (little-endian IPv4) or its 32-hex-digit IPv6 form, as text. */
function procAddress(hex: string): string {
	if (hex.length === 8) return [3, 2, 1, 0].map((index) => Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)).join('.');
	// IPv6: four 32-bit words, each little-endian.
	const bytes: string[] = [];
	for (let word = 0; word < 4; word++) {
		const chunk = hex.slice(word * 8, word * 8 + 8);
		for (let index = 3; index >= 0; index--) bytes.push(chunk.slice(index * 2, index * 2 + 2));
	}

	const groups = [];
	for (let index = 0; index < 16; index += 2) groups.push(Number.parseInt(bytes[index]! + bytes[index + 1]!, 16).toString(16));
	return groups.join(':').replace(/(?:^|:)0(?::0)+(?::|$)/, '::');
}

/** The sockets in LISTEN state (st 0A) of a /proc/net/tcp or /proc/net/tcp6 text. */
export function parseListening(text: string): ProcSocket[] {
	const sockets: ProcSocket[] = [];
	for (const line of text.split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		if (fields.length < 10 || fields[3] !== '0A') continue;
		const [address, port] = fields[1]!.split(':');
		sockets.push({port: Number.parseInt(port!, 16), address: procAddress(address!), inode: Number(fields[9])});
	}

	return sockets;
}

/** A lock in /proc/locks: who holds it, on which inode. */
export interface ProcLock {
	pid: number;
	inode: number;
}

/** The locks of a /proc/locks text (`1: POSIX ADVISORY WRITE 1234 08:01:5678 0 EOF`); waiting (`->`) entries skipped. */
export function parseProcLocks(text: string): ProcLock[] {
	const locks: ProcLock[] = [];
	for (const line of text.split('\n')) {
		const match = /^\d+:\s+(?!->)\S+\s+\S+\s+\S+\s+(\d+)\s+[\da-f]+:[\da-f]+:(\d+)\s/.exec(line.trim() + ' ');
		if (match) locks.push({pid: Number(match[1]), inode: Number(match[2])});
	}

	return locks;
}

/** /proc/meminfo → total, available and swap, in bytes. */
export function parseMeminfo(text: string): PreflightFacts['memory'] {
	const kib = (key: string) => {
		const match = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
		return match ? Number(match[1]) * 1024 : undefined;
	};

	const total = kib('MemTotal');
	if (total === undefined) return undefined;
	return {total, available: kib('MemAvailable') ?? kib('MemFree') ?? 0, swapTotal: kib('SwapTotal') ?? 0};
}

/** The names of every `server_name` directive of an nginx configuration text (comments ignored). */
export function nginxServerNames(text: string): string[] {
	const names = new Set<string>();
	const uncommented = text.replaceAll(/#[^\n]*/g, '');
	for (const match of uncommented.matchAll(/\bserver_name\s+([^;]+);/g)) {
		for (const name of match[1]!.trim().split(/\s+/)) names.add(name.toLowerCase());
	}

	return [...names];
}
