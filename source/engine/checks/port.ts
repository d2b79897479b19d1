import net from 'node:net';
import type {Check} from '../../domain/types.js';
import {formatDuration, type CheckContext, type CheckOutcome} from './context.js';

type PortCheck = Extract<Check, {kind: 'port'}>;

/** Runs a TCP port check: pass when a connection to host:port is accepted within the timeout. */
export async function runPortCheck(check: PortCheck, context: CheckContext): Promise<CheckOutcome> {
	const where = `${check.host}:${check.port}`;
	try {
		await connect(check.host, check.port, context);
	} catch (error) {
		return networkFailure(error, where, context.timeoutMs);
	}

	return {status: 'pass', detail: `${where} accepts connections`};
}

async function connect(host: string, port: number, context: CheckContext): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host, port, timeout: context.timeoutMs, signal: context.signal});
		socket.once('connect', () => {
			socket.destroy();
			resolve();
		});
		socket.once('timeout', () => {
			socket.destroy();
			reject(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'}));
		});
		socket.once('error', reject);
	});
}

/** Turns a network error into a failed outcome with a plain reason ("connection refused", "timed out after 10 s"). */
export function networkFailure(error: unknown, where: string, timeoutMs: number): CheckOutcome {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ECONNREFUSED': {
			return {status: 'fail', detail: `connection refused by ${where}`, hint: 'is the service running?'};
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return {status: 'fail', detail: `host not found: ${where.replace(/:\d+$/, '')}`, hint: 'check DNS or the name'};
		}

		case 'ETIMEDOUT':
		case 'ABORT_ERR': {
			return {status: 'fail', detail: `${where}: timed out after ${formatDuration(timeoutMs)}`};
		}

		case 'ECONNRESET': {
			return {status: 'fail', detail: `${where} closed the connection`};
		}

		case 'EHOSTUNREACH':
		case 'ENETUNREACH': {
			return {status: 'fail', detail: `${where} is unreachable (${code})`, hint: 'check the network'};
		}

		default: {
			return {status: 'fail', detail: `${where}: ${(error as Error).message}`};
		}
	}
}
