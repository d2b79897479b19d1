import {existsSync} from 'node:fs';
import process from 'node:process';
import {aptSimulations} from '../domain/apt/apt-commands.js';
import {emptyAptSummary, mergeAptSummaries, parseAptSimulation, type AptSummary} from '../domain/apt/apt-simulation.js';
import type {Session} from '../domain/types.js';
import {runShell} from './process/run-shell.js';

// apt-get -s reads the package lists and changes nothing; a minute covers a slow disk, not a hung lock.
const simulationTimeoutMs = 60_000;

/**
 * What the apt commands of `command` would do, from apt's own simulation run here with the command's environment
 * (parameter values by reference); undefined when the command changes no packages.
 */
export async function simulateApt(command: string, session: Session, env: Record<string, string> = {}): Promise<AptSummary | undefined> {
	const simulations = aptSimulations(command);
	if (simulations.length === 0) return undefined;
	let summary = emptyAptSummary();
	for (const simulation of simulations) {
		let text = '';
		// eslint-disable-next-line no-await-in-loop
		const result = await runShell({
			argv: ['bash', '-c', simulation],
			// `apt install ./x.deb` is relative to where the step runs; a directory that does not exist yet is not apt's concern.
			cwd: existsSync(session.cwd) ? session.cwd : '/',
			env: {...process.env, ...session.env, ...env, LC_ALL: 'C'},
			signal: AbortSignal.timeout(simulationTimeoutMs),
			onOutput(_stream, chunk) {
				text += chunk;
			},
		});
		const found = parseAptSimulation(text);
		if (result.exitCode !== 0 && found.errors.length === 0) found.errors.push(`${simulation} exited with ${result.exitCode ?? result.signal ?? 'no code'}`);
		summary = mergeAptSummaries(summary, found);
	}

	return summary;
}
