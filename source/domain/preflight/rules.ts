import type {PreflightFacts, PreflightFinding, PreflightTargets} from './types.js';

/** A preflight rule: judges some facts for the documents' targets. */
type PreflightRule = (facts: PreflightFacts, targets: PreflightTargets) => PreflightFinding[];

const gib = 1024 ** 3;
const mib = 1024 ** 2;

/** "1.9 GiB", "512 MiB": a size for people. */
export function formatSize(bytes: number): string {
	return bytes >= gib ? `${(bytes / gib).toFixed(1)} GiB` : `${Math.round(bytes / mib)} MiB`;
}

const ok = (id: string, what: string): PreflightFinding => ({id, level: 'ok', what, consequence: '', todo: ''});

/** Who should hold each port the documents use, by process name. */
const portOwners: Record<number, {expected: RegExp; service: string; consequence: string}> = {
	80: {expected: /^nginx/, service: 'nginx', consequence: 'nginx cannot listen on port 80: the sites and certbot\'s HTTP challenge fail'},
	443: {expected: /^nginx/, service: 'nginx', consequence: 'nginx cannot listen on port 443: HTTPS for the homeserver and the web client fails'},
	8448: {expected: /^(?:nginx|python|synapse)/, service: 'nginx or Synapse', consequence: 'federation cannot use port 8448'},
	8008: {expected: /^(?:python|synapse)/, service: 'Synapse', consequence: 'Synapse cannot listen on 127.0.0.1:8008, where nginx sends the homeserver\'s requests'},
};

/** The ports the documents use, in the order preflight reports them. */
export const documentPorts = [80, 443, 8448, 8008];

const rules: PreflightRule[] = [
	function os(facts, targets) {
		if (!facts.os) return [{id: 'os', level: 'warn', what: 'no /etc/os-release: the system is unknown', consequence: 'the documents are written for Debian or Ubuntu', todo: 'check by hand that apt, systemd and nginx are available'}];
		const debianLike = facts.os.id === 'debian' || facts.os.idLike.includes('debian');
		if (targets.usesApt && !debianLike) {
			return [{id: 'os', level: 'block', what: `${facts.os.prettyName} is not Debian-based`, consequence: 'the documents install with apt-get, which this system does not have', todo: 'use a Debian or Ubuntu server, or translate the install steps by hand'}];
		}

		return [ok('os', `${facts.os.prettyName}`)];
	},
	function init(facts, targets) {
		if (facts.pid1 === undefined) return [];
		if (facts.pid1 === 'systemd') return [ok('init', 'systemd is PID 1')];
		return [
			{
				id: 'init',
				level: 'warn',
				what: `PID 1 is ${facts.pid1}, not systemd (a container?)`,
				consequence: targets.usesSystemctl ? 'systemctl commands of the documents fail; services start only through their init scripts' : 'services start through their /etc/init.d scripts (service NAME start), not systemctl, and do not start at boot',
				todo: 'use `service NAME start|reload` instead of systemctl, or run the setup on a full system',
			},
		];
	},
	function aptLock(facts, targets) {
		if (!targets.usesApt || facts.aptLock === undefined) return [];
		if (!facts.aptLock.held) return [ok('apt-lock', 'apt/dpkg lock is free')];
		const by = facts.aptLock.process ? ` by ${facts.aptLock.process.name} (pid ${facts.aptLock.process.pid})` : '';
		return [{id: 'apt-lock', level: 'warn', what: `apt/dpkg lock is held${by}`, consequence: 'install steps fail with "Could not get lock" until it is released', todo: 'wait for the running apt (often unattended-upgrades) to finish, then start'}];
	},
	function ports(facts) {
		return documentPorts.map((port) => {
			const holders = facts.listening.filter((socket) => socket.port === port);
			if (holders.length === 0) return ok(`port-${port}`, `port ${port} is free`);
			const owner = portOwners[port]!;
			const named = holders.find((socket) => socket.process)?.process;
			const where = [...new Set(holders.map((socket) => socket.address))].join(', ');
			if (!named) {
				return {id: `port-${port}`, level: 'warn', what: `port ${port} is in use (on ${where}) by a process this user cannot see`, consequence: `if it is not ${owner.service}, ${owner.consequence}`, todo: 'run preflight as root to see which process'};
			}

			if (owner.expected.test(named.name)) return ok(`port-${port}`, `port ${port} is in use by ${named.name} (pid ${named.pid}) — ${owner.service}, as the documents expect`);
			return {id: `port-${port}`, level: 'warn', what: `port ${port} is in use by ${named.name} (pid ${named.pid}, on ${where})`, consequence: owner.consequence, todo: `stop and disable ${named.name} (systemctl disable --now ${named.name}), or serve the documents' sites through it by hand`};
		});
	},
	function nginxSites(facts, targets) {
		return targets.hostNames.flatMap((host) => {
			const files = facts.nginxSites.filter((site) => site.serverNames.includes(host));
			if (files.length === 0) return [];
			const own = files.every((site) => site.file.endsWith(`/${host}`));
			const list = files.map((site) => site.file).join(', ');
			if (own) return [ok(`nginx-site-${host}`, `nginx already serves ${host} (${list}): a re-run replaces it only by the diff shown`)];
			return [{id: `nginx-site-${host}`, level: 'warn', what: `nginx already serves ${host} from ${list}`, consequence: 'two server blocks with one name: nginx warns "conflicting server name" and answers from the first, maybe not the documents\' site', todo: `remove ${host} from that file, or adapt the documents' site instead of adding one`}];
		});
	},
	function certificates(facts, targets) {
		return targets.hostNames.flatMap((host) => {
			const certificate = facts.certificates.find((entry) => entry.name === host);
			if (!certificate) return [];
			if (certificate.notAfter && Date.parse(certificate.notAfter) < Date.parse(facts.now)) {
				return [{id: `certificate-${host}`, level: 'warn', what: `the certificate for ${host} expired on ${certificate.notAfter}`, consequence: 'nginx serves an expired certificate; clients refuse it', todo: 'certbot renew (or let the certificate step issue a new one)'}];
			}

			return [ok(`certificate-${host}`, `a certificate for ${host} exists${certificate.notAfter ? ` (valid until ${certificate.notAfter})` : ''}: certbot keeps or renews it`)];
		});
	},
	function memory(facts, targets) {
		if (!facts.memory) return [];
		const {total, swapTotal} = facts.memory;
		const what = `memory ${formatSize(total)}, swap ${swapTotal === 0 ? 'none' : formatSize(swapTotal)}`;
		if (targets.usesSynapse && total < 2 * gib && swapTotal === 0) {
			return [{id: 'memory', level: 'warn', what, consequence: 'Synapse on a 1 GB server needs swap: without it the kernel kills Synapse (or apt) when memory runs out', todo: 'add 1–2 GiB of swap: fallocate -l 2G /swapfile && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile, and a line in /etc/fstab'}];
		}

		return [ok('memory', what)];
	},
	function disk(facts) {
		if (!facts.disk) return [];
		const what = `${formatSize(facts.disk.free)} free of ${formatSize(facts.disk.total)} on ${facts.disk.path}`;
		if (facts.disk.free < 512 * mib) return [{id: 'disk', level: 'block', what, consequence: 'the packages, Synapse\'s database and its media cannot fit', todo: 'free space (apt clean, old logs, journalctl --vacuum-size=100M) or grow the disk'}];
		if (facts.disk.free < 3 * gib) return [{id: 'disk', level: 'warn', what, consequence: 'Synapse\'s database and media grow: the disk fills within weeks on an active server', todo: 'free space or grow the disk before federation starts'}];
		return [ok('disk', what)];
	},
	function dns(facts) {
		if (!facts.dns) return [];
		const local = new Set(facts.dns.local);
		return facts.dns.names.map(({name, addresses, error}) => {
			if (addresses === undefined) return {id: `dns-${name}`, level: 'warn', what: `could not tell where ${name} points (${error ?? 'unknown'})`, consequence: 'if it does not point here, certbot cannot get its certificate and clients cannot connect', todo: `check with dig +short ${name} from another machine`};
			if (addresses.length === 0) return {id: `dns-${name}`, level: 'warn', what: `${name} does not resolve`, consequence: 'certbot cannot get its certificate and clients cannot connect', todo: `add A/AAAA records for ${name} pointing to this server`};
			if (addresses.some((address) => local.has(address))) return ok(`dns-${name}`, `${name} resolves to this server (${addresses.join(', ')})`);
			return {id: `dns-${name}`, level: 'warn', what: `${name} resolves to ${addresses.join(', ')}, not an address of this server`, consequence: 'certbot\'s challenge and clients reach that address (fine only behind NAT forwarding here)', todo: `point ${name} to this server, or check the NAT forwarding`};
		});
	},
];

/** Every preflight finding for these facts and targets, rule by rule. Pure. */
export function preflightFindings(facts: PreflightFacts, targets: PreflightTargets): PreflightFinding[] {
	return rules.flatMap((rule) => rule(facts, targets));
}

/** The exit code of preflight: 1 when something blocks the documents, else 0. */
export function preflightExitCode(findings: PreflightFinding[]): number {
	return findings.some((finding) => finding.level === 'block') ? 1 : 0;
}
