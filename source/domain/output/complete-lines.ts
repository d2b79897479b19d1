/** Longest piece of a line held back waiting for its newline; a longer line is passed on in pieces of this size. */
export const maxPendingLine = 64 * 1024;

/**
 * Turns arbitrary chunks of text into chunks of complete lines (each ending with a newline): what follows the last
 * newline of a chunk waits for the next one. Work per chunk, not per line, and no copy of a chunk; a line that never ends (a gigabyte without
 * newline) is cut every `maxPendingLine` characters instead of being held whole.
 */
export class CompleteLines {
	private pending = '';

	/**
	 * The complete lines `text` finishes ('' when it finishes none). Passes `onLines` up to two pieces: the line that
	 * was pending (joined, short), then a slice of `text` itself, so a large chunk is never copied.
	 */
	push(text: string, onLines: (lines: string) => void): void {
		const end = text.lastIndexOf('\n');
		if (end === -1) {
			this.pending += text;
			if (this.pending.length < maxPendingLine) return;
			const piece = `${this.pending}\n`;
			this.pending = '';
			onLines(piece);
			return;
		}

		let start = 0;
		if (this.pending !== '') {
			start = text.indexOf('\n') + 1;
			onLines(this.pending + text.slice(0, start));
		}

		if (start < end + 1) onLines(start === 0 && end === text.length - 1 ? text : text.slice(start, end + 1));
		this.pending = text.slice(end + 1);
	}

	/** What is left after the last newline, given its newline ('' when nothing is left); call when the stream ends. */
	flush(): string {
		const rest = this.pending;
		this.pending = '';
		return rest === '' ? '' : `${rest}\n`;
	}
}
