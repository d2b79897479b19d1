// Whether a process group still has a member: a test's way to see that a step's commands are gone.

/** True when no process of group `group` is left. */
export function groupGone(group: number): boolean {
	try {
		process.kill(-group, 0);
		return false;
	} catch {
		return true;
	}
}
