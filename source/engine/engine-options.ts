/** Where the engine meets this machine beyond the state directory: production defaults, tests give their own. */
export interface SystemHooks {
	/** The kernel's boot id: a different one means the server rebooted. */
	bootIdFile: string;
	/** Where the login reminder after a reboot goes. */
	profileDir: string;
	/** The command that reboots the machine. */
	rebootCommand: string;
}

/** The production hooks. */
export const defaultSystemHooks: SystemHooks = {
	bootIdFile: '/proc/sys/kernel/random/boot_id',
	profileDir: '/etc/profile.d',
	rebootCommand: 'systemctl reboot',
};

/** Everything the engine is built from: explicit, never the command line (commands/ builds it). */
export interface EngineOptions {
	/** One runbook (id or title) instead of all. */
	only?: string;
	/** Parameter values given for this run (validated against the documents' parameters). */
	values: Record<string, string>;
	/** Where progress, backups and the run lock live. */
	stateDir: string;
	/** Where the audit log goes. */
	logDir: string;
	/** Time limit of each check. */
	timeoutMs: number;
	/** The command the login reminder gives to continue after a reboot. */
	resumeCommand: string;
	/** The process environment: who the sudo user is, what commands inherit. */
	env: NodeJS.ProcessEnv;
	system: SystemHooks;
}
