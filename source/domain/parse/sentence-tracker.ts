// The sentence an inline code sits in: from after the last `.`/`!`/`?` followed by a space, or after a blank line.
const boundary = /(?:[.!?]\s+|\n\s*\n)(?=[^.!?]*$)/;
// A sentence that warns against a command does not ask for it.
const negation = /\b(don'?t|do not|never|instead of|avoid|rather than)\b/i;

/**
 * The sentences of one paragraph, read once as its inline codes advance through it: `at(end)` must be called with
 * increasing offsets of a backtick. It gives what `before.slice(before.search(boundary) + 1)` gives for
 * `before = markdown.slice(0, end)`, and whether that sentence holds a negation, without reading the paragraph from
 * its start again for each code (a paragraph of many codes would be quadratic).
 */
export class SentenceTracker {
	private scanned = -1;
	// The last `.`, `!` or `?` before `scanned`.
	private stop = -1;
	private start = 0;
	// A boundary after `stop` was found: later text cannot move it while no new stop comes.
	private found = false;
	private negated = false;

	constructor(private readonly markdown: string) {}

	/** The sentence before offset `end` and whether it warns against a command ("do not run…"). */
	at(end: number): {sentence: string; negated: boolean} {
		const {markdown} = this;
		const previous = Math.max(this.scanned, 0);
		let stopMoved = this.scanned === -1;
		for (let index = previous; index < end; index++) {
			const code = markdown.charCodeAt(index);
			if (code === 46 || code === 33 || code === 63) {
				this.stop = index;
				stopMoved = true;
			}
		}

		if (stopMoved) {
			// No boundary starts before the last stop: the search can begin there.
			const from = Math.max(this.stop, 0);
			const found = markdown.slice(from, end).search(boundary);
			this.found = found !== -1;
			this.start = this.found ? from + found + 1 : 0;
			this.negated = negation.test(markdown.slice(this.start, end));
		} else {
			// Only a blank line can start a sentence in text without a stop, and none that starts before `previous` (a
			// backtick) ends after it. Neither a negation nor a word boundary spans that backtick.
			const blank = this.found ? -1 : markdown.slice(previous, end).search(/\n\s*\n/);
			if (blank === -1) {
				this.negated ||= negation.test(markdown.slice(previous, end));
			} else {
				this.found = true;
				this.start = previous + blank + 1;
				this.negated = negation.test(markdown.slice(this.start, end));
			}
		}

		this.scanned = end;
		return {sentence: markdown.slice(this.start, end), negated: this.negated};
	}
}
