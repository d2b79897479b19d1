import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';

// Work is counted, not timed: the characters of every string Array#join builds while a document is parsed. Linear
// parsing builds about four times as much for a document four times as long; work that joins all the blocks seen so far
// on each new block builds sixteen times as much.
function joinedCharacters(text: string): number {
	const join = Array.prototype.join;
	let count = 0;
	Array.prototype.join = function (this: unknown[], separator?: string) {
		const result = join.call(this, separator);
		count += result.length;
		return result;
	};

	try {
		parseDocument(text, 'long.md');
	} finally {
		Array.prototype.join = join;
	}

	return count;
}

const growth = (document: (blocks: number) => string) => joinedCharacters(document(1600)) / joinedCharacters(document(400));

test.serial('a section of many code blocks without a numbered list: work grows linearly with its blocks', (t) => {
	const document = (blocks: number) => `# T\n\n## Part\n\n${Array.from({length: blocks}, (_, n) => `Run \`x${n}\`:\n\n\`\`\`\necho ${n}\n\`\`\`\n\n`).join('')}`;
	t.true(growth(document) < 6);
});

test.serial('a step followed by many column-0 blocks: work grows linearly with its blocks', (t) => {
	const document = (blocks: number) => `# T\n\n## Part\n\n1. First step:\n\n${Array.from({length: blocks}, (_, n) => `\`\`\`\necho ${n}\n\`\`\`\n\n> note ${n}\n\n`).join('')}`;
	t.true(growth(document) < 6);
});
