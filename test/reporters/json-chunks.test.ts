import test from 'ava';
import {maskDeep} from '../../source/domain/secrets/masker.js';
import {maskedJsonChunks} from '../../source/reporters/json-chunks.js';

const mask = (text: string) => text.replaceAll('hunter22', '********');

test('the pieces join to the masked value stringified at once, at every depth', t => {
	const value = {
		documents: [
			{id: 'hunter22', title: 'a hunter22 b', empty: [], none: {}, gone: undefined, runbooks: [{steps: [{id: 's/1', run: 'x\ny hunter22', n: Number.NaN}, null, true, 3]}]},
			[undefined, 'hunter22', [], {}, {nested: {deeper: ['hunter22']}}],
		],
		parameters: [],
		step: 'hunter22',
	};
	for (let levels = 0; levels <= 8; levels++) {
		t.is([...maskedJsonChunks(value, mask, levels)].join(''), JSON.stringify(maskDeep(value, mask), null, 2), `levels ${levels}`);
	}
});
