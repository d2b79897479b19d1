/** What one step changed in one file, as the index of a run records it (what `undo STEP` puts back). */
export interface BackupEntry {
	step: string;
	/** The file changed (absolute, symlinks resolved). */
	path: string;
	/** The copy of the content before, relative to the backup directory (`objects/SHA256`); null when there was none. */
	backup: string | null;
	existedBefore: boolean;
	owner: {uid: number; gid: number} | null;
	/** Permission bits before (e.g. 0o644), null when the file did not exist. */
	mode: number | null;
	sha256Before: string | null;
	/** Null until the new content is in place: a run killed in between left this change unfinished. */
	sha256After: string | null;
	at: string;
}
