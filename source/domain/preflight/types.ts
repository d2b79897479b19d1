/** How much a preflight finding matters: fine, worth knowing before the first step, or the documents cannot work. */
export type PreflightLevel = 'ok' | 'warn' | 'block';

/** One thing preflight found on this server, and what it means for the documents. */
export interface PreflightFinding {
	/** Stable id of what was looked at: `os`, `init`, `apt-lock`, `port-80`, `nginx-site-HOST`, `certificate-HOST`, `memory`, `disk`, `dns-HOST`. */
	id: string;
	level: PreflightLevel;
	what: string;
	/** What it means for the documents' steps (empty when nothing). */
	consequence: string;
	/** What to do about it (empty when nothing). */
	todo: string;
}

/** A TCP socket listening on this machine. */
export interface ListeningSocket {
	port: number;
	address: string;
	/** The process holding it, when this user may see it. */
	process?: {pid: number; name: string};
}

/** What preflight knows about this server: gathered by engine/preflight-facts.ts, judged by rules.ts. */
export interface PreflightFacts {
	/** From /etc/os-release; undefined when there is none. */
	os?: {id: string; idLike: string[]; versionId?: string; codename?: string; prettyName: string};
	/** The name of PID 1 (`systemd`, `init`, `bash`…); undefined when unreadable. */
	pid1?: string;
	/** Who holds dpkg's lock (`held: false` when nobody); undefined when it cannot be told. */
	aptLock?: {held: boolean; process?: {pid: number; name: string}};
	/** Sockets listening on the ports the documents use. */
	listening: ListeningSocket[];
	/** nginx configuration files in use (sites-enabled, conf.d) and the server names in each. */
	nginxSites: Array<{file: string; serverNames: string[]}>;
	/** Certificates under /etc/letsencrypt/live, by name, with their expiry when readable. */
	certificates: Array<{name: string; notAfter?: string}>;
	/** From /proc/meminfo, in bytes. */
	memory?: {total: number; available: number; swapTotal: number};
	/** Free and total bytes of the file system holding /var. */
	disk?: {path: string; free: number; total: number};
	/** How the documents' host names resolve (undefined addresses: could not tell), and this machine's addresses. */
	dns?: {names: Array<{name: string; addresses?: string[]; error?: string}>; local: string[]};
	/** When the facts were gathered (ISO), for expiry comparisons. */
	now: string;
}

/** What the documents need from this server: host names (parameter values) and whether they use apt or Synapse. */
export interface PreflightTargets {
	hostNames: string[];
	usesApt: boolean;
	usesSynapse: boolean;
	usesSystemctl: boolean;
}
