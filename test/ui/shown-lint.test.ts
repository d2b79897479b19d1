import test from 'ava';
import {lintDocuments} from '../../source/domain/lint/lint-documents.js';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {shownLint} from '../../source/ui/shown-lint.js';

const document = () => parseDocument('# D\n\n## Part\n\n### Install\n\n1. Install it:\n\n        # apt-get install python-virtualenv\n', 'doc.md');

test('the findings are lint\'s own, worked out once for one array of documents and again for another', t => {
	const documents = [document()];
	const first = shownLint(documents);
	t.deepEqual(first, lintDocuments(documents));
	t.is(shownLint(documents), first, 'the same array: the same findings, not linted again');
	const other = [document()];
	t.not(shownLint(other), first);
	t.deepEqual(shownLint(other), first);
});
