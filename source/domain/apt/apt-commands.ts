/**
 * Finds the apt commands of a shell command that install or remove packages and gives, for each, apt's own
 * simulation of it: `apt-get -s` with the same arguments (parameter references such as "${TS_PARAM_X}" kept as they
 * are, so the simulation sees the same values the command will).
 */
const frontEnds = new Set(['apt', 'apt-get', 'aptitude']);
// apt-get's names for what each front end calls these.
const changing = new Map([
	['install', 'install'],
	['reinstall', 'reinstall'],
	['remove', 'remove'],
	['purge', 'purge'],
	['upgrade', 'upgrade'],
	['safe-upgrade', 'upgrade'],
	['full-upgrade', 'dist-upgrade'],
	['dist-upgrade', 'dist-upgrade'],
	['autoremove', 'autoremove'],
]);
// Options that only make sense for a real run, or that apt-get does not know.
const dropped = /^(?:-y|--yes|--assume-yes|-q+|--quiet(?:=\d)?)$/;

/** The `apt-get -s …` commands simulating the package changes in `command` (none when it changes no packages). */
export function aptSimulations(command: string): string[] {
	const simulations: string[] = [];
	// Simple commands of a list or pipeline; a continuation `\`+newline is a space.
	for (const segment of command.replaceAll('\\\n', ' ').split(/&&|\|\||[;\n|&]/)) {
		const words = segment.trim().split(/\s+/).filter(Boolean);
		while (words.length > 0 && (/^[A-Za-z_]\w*=/.test(words[0]!) || words[0] === 'sudo' || words[0] === 'env')) words.shift();
		if (words.length === 0 || !frontEnds.has(words[0]!)) continue;
		const rest = words.slice(1);
		const verbAt = rest.findIndex(word => !word.startsWith('-'));
		const verb = verbAt < 0 ? undefined : changing.get(rest[verbAt]!);
		if (!verb) continue;
		const options = rest.slice(0, verbAt).filter(word => !dropped.test(word));
		const operands = rest.slice(verbAt + 1).filter(word => !dropped.test(word));
		simulations.push(['apt-get', '-s', ...options, verb, ...operands].join(' '));
	}

	return simulations;
}
