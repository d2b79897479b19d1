/** Longest piece of a line held back waiting for its newline; a longer line is passed on in pieces of this size. */
export const maxPendingLine = 64 * 1024;

/**
 * Turns arbitrary chunks of text into chunks of complete lines (each ending with a newline): what follows the last
 * newline of a chunk waits for the next one. Work per chunk, not per line; a line that never ends (a gigabyte without
 * newline) is cut every `maxPendingLine` characters instead of being held whole.
 */
export class CompleteLines {
	private pending = '';

	/** The complete lines `text` finishes ('' when it finishes none). */
	push(text: string): string {
		const end = text.lastIndexOf('\n');
		if (end === -1) {
			this.pending += text;
			if (this.pending.length < maxPendingLine) return '';
			const piece = `${this.pending}\n`;
			this.pending = '';
			return piece;
		}

		const lines = this.pending + text.slice(0, end + 1);
		this.pending = text.slice(end + 1);
		return lines;
	}

	/** What is left after the last newline, given its newline ('' when nothing is left); call when the stream ends. */
	flush(): string {
		const rest = this.pending;
		this.pending = '';
		return rest === '' ? '' : `${rest}\n`;
	}
}
