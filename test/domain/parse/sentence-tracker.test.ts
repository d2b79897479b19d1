import test from 'ava';
import {SentenceTracker} from '../../../source/domain/parse/sentence-tracker.js';

// What the tracker stands for: the sentence read from the start of the paragraph for each code.
function reference(markdown: string, end: number): {sentence: string; negated: boolean} {
	const before = markdown.slice(0, end);
	const sentence = before.slice(before.search(/(?:[.!?]\s+|\n\s*\n)(?=[^.!?]*$)/) + 1);
	return {sentence, negated: /\b(don'?t|do not|never|instead of|avoid|rather than)\b/i.test(sentence)};
}

test('gives the sentence and its negation as reading from the paragraph start does, for every code of random paragraphs', (t) => {
	const fragments = ['.', '!', '?', ' ', '\n', '\n\n', ' \n \n', '\t', 'do not ', "don't", 'never', 'Avoid', 'instead of', 'rather than ', 'x', 'word ', '`ls -l`', '`cmd`', ':', 'no', 't '];
	let seed = 7;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	for (let round = 0; round < 2000; round++) {
		const markdown = Array.from({length: Math.floor(random() * 40)}, () => fragments[Math.floor(random() * fragments.length)]).join('');
		const tracker = new SentenceTracker(markdown);
		for (const match of markdown.matchAll(/`([^`\n]+)`/g)) {
			if (random() < 0.3) continue; // Codes skipped before the sentence is asked for.
			t.deepEqual(tracker.at(match.index), reference(markdown, match.index), JSON.stringify(markdown));
		}
	}
});

test('a paragraph of many codes is searched a bounded number of times per character, not once per code', (t) => {
	const markdown = 'then use `ls -l` here\n'.repeat(4000);
	const tracker = new SentenceTracker(markdown);
	let searched = 0;
	const {search} = String.prototype;
	const {test: regExpTest} = RegExp.prototype;
	String.prototype.search = function (this: string, pattern: RegExp) {
		searched += this.length;
		return search.call(this, pattern);
	};

	RegExp.prototype.test = function (this: RegExp, text: string) {
		searched += text.length;
		return regExpTest.call(this, text);
	};

	try {
		for (const match of markdown.matchAll(/`([^`\n]+)`/g)) tracker.at(match.index);
	} finally {
		String.prototype.search = search;
		RegExp.prototype.test = regExpTest;
	}

	t.true(searched < 3 * markdown.length);
});
