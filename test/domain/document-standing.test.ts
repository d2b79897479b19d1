import test from 'ava';
import {documentStanding} from '../../source/domain/document-standing.js';

const cases: Array<[Parameters<typeof documentStanding>[0], string | undefined]> = [
	[{}, undefined],
	[{targets: 'Debian 12, Ubuntu 24.04'}, 'written for Debian 12, Ubuntu 24.04'],
	[{writtenFor: 'Debian 8 (2016)', supersededBy: 'matrix-chat.md'}, 'written for Debian 8 (2016) — superseded by matrix-chat.md'],
	[{supersededBy: 'matrix-chat.md'}, 'superseded by matrix-chat.md'],
];

for (const [document, expected] of cases) {
	test(`documentStanding ${JSON.stringify(document)}`, t => {
		t.is(documentStanding(document), expected);
	});
}
