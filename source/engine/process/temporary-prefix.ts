import {readlinkSync} from 'node:fs';

// A process never changes pid namespace: read once, not for every command.
let namespace: string | undefined;

/** This process's pid namespace (the inode of /proc/self/ns/pid); '0' when it cannot be read. */
export function pidNamespace(): string {
	namespace ??= readNamespace();
	return namespace;
}

function readNamespace(): string {
	try {
		return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
	} catch {
		return '0';
	}
}

/**
 * The prefix of a temporary directory of this process (`tomesh-session-PIDnNS-`, `tomesh-output-PIDnNS-`): the pid
 * and its pid namespace tell a later start whether the run that made it is gone. A pid alone is not enough: a run
 * in another pid namespace (a container sharing /tmp) has pids this one cannot see.
 */
export function temporaryPrefix(kind: 'session' | 'output'): string {
	return `tomesh-${kind}-${process.pid}n${pidNamespace()}-`;
}
