/**
 * A lost SSH session while the TUI runs: the terminal hangs up (SIGHUP, then every write fails with EIO), or the
 * process is told to end (SIGTERM). Nothing can be drawn any more and a failed write must not crash the process
 * before progress is saved: the running step is stopped and saved as interrupted, then the process exits 130 like
 * the headless run.
 */
import {closeSync} from 'node:fs';
import process from 'node:process';
import {stopRunningSteps} from './running-steps.js';

/**
 * Exit code of a walkthrough left while a step is interrupted (a hang-up, a second Ctrl-C): progress saved, as the
 * headless run's.
 */
export const interruptedExitCode = 130;

/** Watches for a hang-up until the returned function is called. */
export function onHangUp(): () => void {
	let ending = false;
	const hangUp = () => {
		if (ending) return;
		ending = true;
		// Ink would keep drawing (and reading) a terminal that is gone.
		process.stdout.write = (() => true) as typeof process.stdout.write;
		process.stdin.pause();
		void stopRunningSteps().finally(() => exitWithoutTerminal(interruptedExitCode));
	};

	const onError = (error: NodeJS.ErrnoException) => {
		if (error.code === 'EIO' || error.code === 'EPIPE' || error.code === 'ENXIO') hangUp();
	};

	const signals = ['SIGHUP', 'SIGTERM'] as const;
	for (const signal of signals) process.on(signal, hangUp);
	process.stdout.on('error', onError);
	process.stdin.on('error', onError);
	return () => {
		for (const signal of signals) process.off(signal, hangUp);
		// A late write error after the TUI ended must still not crash the process.
		process.stdout.off('error', onError);
		process.stdout.on('error', () => undefined);
		process.stdin.off('error', onError);
	};
}

/**
 * Exits without touching the terminal: Node restores the terminal's settings at exit, and on a terminal that hung up
 * that fails an internal assertion (a SIGSEGV exit instead of 130). It skips descriptors that were closed.
 */
function exitWithoutTerminal(code: number): never {
	for (const fd of [0, 1, 2]) {
		try {
			closeSync(fd);
		} catch {
			// Already closed.
		}
	}

	process.exit(code);
}
