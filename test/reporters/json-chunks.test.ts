import test from 'ava';
import {maskDeep} from '../../source/domain/secrets/masker.js';
import {maskedJsonChunks} from '../../source/reporters/json-chunks.js';

const mask = (text: string) => text.replaceAll('hunter22', '********');

test('the pieces join to the masked value stringified at once, whatever the size of the pieces', t => {
	const value = {
		documents: [
			{id: 'hunter22', title: 'a hunter22 b', empty: [], none: {}, gone: undefined, runbooks: [{steps: [{id: 's/1', run: 'x\ny hunter22', n: Number.NaN}, null, true, 3]}]},
			[undefined, 'hunter22', [], {}, {nested: {deeper: ['hunter22']}}],
		],
		parameters: [],
		step: 'hunter22',
	};
	for (const budget of [0, 1, 8, 20, 40, 80, 160, 1000]) {
		t.is([...maskedJsonChunks(value, mask, budget)].join(''), JSON.stringify(maskDeep(value, mask), null, 2), `budget ${budget}`);
	}
});

test('a big value comes in pieces of about the budget, never at once', t => {
	const plan = {runbooks: Array.from({length: 200}, (_, n) => ({id: `r${n}`, steps: Array.from({length: 50}, (_, s) => ({id: `r${n}/${s}`, command: `echo ${'x'.repeat(40)} hunter22`}))}))};
	const pieces = [...maskedJsonChunks(plan, mask, 4096)];
	t.is(pieces.join(''), JSON.stringify(maskDeep(plan, mask), null, 2));
	t.true(pieces.length > 100);
	t.true(Math.max(...pieces.map(piece => piece.length)) < 4 * 4096);
});

test('without a mask (no secret known) the pieces join to the value stringified at once, at every depth', t => {
	const value = {a: [{b: [{c: ['x\ny', 1, null, {}, []], d: 'e'}], f: [[['deep']]]}], g: 'h'};
	for (const budget of [0, 1, 8, 20, 40, 80, 1000]) t.is([...maskedJsonChunks(value, undefined, budget)].join(''), JSON.stringify(value, null, 2), `budget ${budget}`);
});
