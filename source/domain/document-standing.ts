import type {SetupDocument} from './types.js';

/**
 * One line on what a document is written for and what replaces it — "written for Debian 8 (2016) — superseded by
 * matrix-chat.md", "written for Debian 12, Ubuntu 24.04" — from its `targets`, `written-for` and `superseded-by`
 * annotations; undefined when it has none. `plan` and the checklist show it under the document's title.
 */
export function documentStanding(document: Pick<SetupDocument, 'targets' | 'writtenFor' | 'supersededBy'>): string | undefined {
	const system = document.writtenFor ?? document.targets;
	const parts = [...(system ? [`written for ${system}`] : []), ...(document.supersededBy ? [`superseded by ${document.supersededBy}`] : [])];
	return parts.length > 0 ? parts.join(' — ') : undefined;
}
