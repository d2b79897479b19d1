import type {Lexer, Token} from 'marked';

/**
 * The array marked's `blockTokens` fills with a document's top-level tokens, holding only the last one: marked may
 * still change the last token (a blank line or a lazy line appended to it) but never an earlier one, so each token is
 * handed to `read` as soon as the next one comes, and can be dropped. A document of many sections then never holds
 * all its tokens at once (they were most of the memory, and of the garbage collector's work, of a big document).
 * Call `end()` after `blockTokens` for the last token.
 */
export class TokenStream extends Array<Token> {
	// marked's Array methods (at, push) are all it uses; map or filter on this would make a plain TokenStream.
	static override get [Symbol.species](): ArrayConstructor {
		return Array;
	}

	constructor(
		private readonly read: (token: Token) => void,
		private readonly lexer: Lexer,
	) {
		super();
	}

	override push(...tokens: Token[]): number {
		for (const token of tokens) {
			if (this.length > 0) this.read(this[0]!);
			this[0] = token;
			// marked's queue of inline texts, for inline lexing this parser never asks for: blockTokens rewrites only
			// the entry of the last token (when it appends to it), so the entries before it can go too.
			const queue = this.lexer.inlineQueue;
			if (queue.length > 8) queue.splice(0, queue.length - 4);
		}

		return this.length;
	}

	/** Hands over the last token. */
	end(): void {
		if (this.length > 0) this.read(this[0]!);
		this.length = 0;
	}
}
