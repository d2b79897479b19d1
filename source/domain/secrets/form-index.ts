/**
 * Many literal strings found in one pass over a text: a trie walked from each position, so masking costs the length
 * of the text (times the longest match), not the text times the number of secrets as a RegExp alternation of them
 * does. At each position the longest string wins, as an alternation sorted longest first would pick it.
 */
export class FormIndex {
	private readonly root: TrieNode = {};
	// Which UTF-16 units start a string: most positions of a text are skipped on one typed-array read.
	private readonly starts = new Uint8Array(65_536);
	private size = 0;

	/** Adds a string to look for. */
	add(form: string): void {
		if (form === '') return;
		let node = this.root;
		this.starts[form.charCodeAt(0)] = 1;
		for (let index = 0; index < form.length; index++) {
			const code = form.charCodeAt(index);
			let next = child(node, code);
			if (next === undefined) {
				next = {};
				addChild(node, code, next);
			}

			node = next;
		}

		if (node.end === undefined) this.size++;
		node.end = form.length;
	}

	/** `text` with every occurrence of the strings (leftmost, then longest, not overlapping) replaced by `replacement`. */
	replace(text: string, replacement: string): string {
		if (this.size === 0) return text;
		let result = '';
		let copied = 0;
		const root = this.root;
		const starts = this.starts;
		for (let index = 0; index < text.length; ) {
			if (starts[text.charCodeAt(index)] === 0) {
				index++;
				continue;
			}

			let node = child(root, text.charCodeAt(index));
			let length = 0;
			for (let offset = index + 1; node !== undefined; offset++) {
				if (node.end !== undefined) length = node.end;
				if (offset >= text.length) break;
				node = child(node, text.charCodeAt(offset));
			}

			if (length === 0) {
				index++;
				continue;
			}

			result += text.slice(copied, index) + replacement;
			index += length;
			copied = index;
		}

		return copied === 0 ? text : result + text.slice(copied);
	}
}

/**
 * A trie node. Most nodes of many secrets have one child (the rest of one secret): it is held in `code`/`only`, and a
 * Map is made only for a node with several (a Map a node made tens of thousands of secrets cost hundreds of MB).
 */
interface TrieNode {
	code?: number;
	only?: TrieNode;
	next?: Map<number, TrieNode>;
	/** The length of the string that ends here. */
	end?: number;
}

function child(node: TrieNode, code: number): TrieNode | undefined {
	if (node.next !== undefined) return node.next.get(code);
	return node.code === code ? node.only : undefined;
}

function addChild(node: TrieNode, code: number, next: TrieNode): void {
	if (node.next !== undefined) {
		node.next.set(code, next);
	} else if (node.only === undefined) {
		node.code = code;
		node.only = next;
	} else {
		node.next = new Map([[node.code!, node.only], [code, next]]);
		node.code = undefined;
		node.only = undefined;
	}
}
