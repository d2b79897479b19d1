/** What apt would do, read from its own simulation (`apt-get -s`): the packages it installs, upgrades and removes. */
export interface AptSummary {
	install: string[];
	upgrade: string[];
	/** Removed or purged: shown apart and confirmed a second time. */
	remove: string[];
	/** apt's `E:` lines when it could not work the change out (an unknown package): the real run would fail too. */
	errors: string[];
}

/** An empty summary. */
export function emptyAptSummary(): AptSummary {
	return {install: [], upgrade: [], remove: [], errors: []};
}

/**
 * Parses the output of `apt-get -s …`: `Inst pkg (new …)` installs, `Inst pkg [old] (new …)` upgrades (or
 * downgrades), `Remv pkg [old]` and `Purg pkg [old]` remove; `Conf` lines repeat the installs. Other lines are ignored.
 */
export function parseAptSimulation(output: string): AptSummary {
	const summary = emptyAptSummary();
	for (const line of output.split('\n')) {
		const match = /^(Inst|Remv|Purg) (\S+)( \[)?/.exec(line);
		if (match) {
			const [, verb, name, old] = match;
			const list = verb === 'Inst' ? (old ? summary.upgrade : summary.install) : summary.remove;
			if (!list.includes(name!)) list.push(name!);
		} else if (line.startsWith('E: ')) {
			summary.errors.push(line.slice(3).trim());
		}
	}

	return summary;
}

/** Adds `more` to `summary` (two apt commands in one step). */
export function mergeAptSummaries(summary: AptSummary, more: AptSummary): AptSummary {
	const join = (a: string[], b: string[]) => [...new Set([...a, ...b])];
	return {install: join(summary.install, more.install), upgrade: join(summary.upgrade, more.upgrade), remove: join(summary.remove, more.remove), errors: [...summary.errors, ...more.errors]};
}

/** Every package the simulations of a step's commands would remove, each once: what a second confirmation is for. */
export function aptRemovals(previews: ReadonlyArray<{apt?: AptSummary}>): string[] {
	return [...new Set(previews.flatMap(preview => preview.apt?.remove ?? []))];
}

const shown = 8;
const names = (list: string[]) => (list.length > shown ? `${list.slice(0, shown).join(' ')} … (+${list.length - shown})` : list.join(' '));

/** The summary as lines for a terminal: one per kind of change that happens, and apt's errors. */
export function describeAptSummary(summary: AptSummary): string[] {
	const lines: string[] = [];
	if (summary.install.length > 0) lines.push(`install ${summary.install.length}: ${names(summary.install)}`);
	if (summary.upgrade.length > 0) lines.push(`upgrade ${summary.upgrade.length}: ${names(summary.upgrade)}`);
	if (summary.remove.length > 0) lines.push(`REMOVE ${summary.remove.length}: ${names(summary.remove)}`);
	for (const error of summary.errors) lines.push(`apt cannot work this out: ${error}`);
	if (lines.length === 0) lines.push('no package changes');
	return lines;
}
