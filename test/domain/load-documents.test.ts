import path from 'node:path';
import test from 'ava';
import {InputError} from '../../source/domain/types.js';
import {loadDocuments, runbooksDirectory} from '../../source/load-documents.js';
import {corpusDir, repoRoot, seedPath, shippedPath} from './seed-paths.js';

test('the shipped runbooks/ is found from source/ and from a bundle chunk in dist/chunks/', (t) => {
	t.is(runbooksDirectory(), path.join(repoRoot, 'runbooks'));
	t.is(runbooksDirectory(path.join(repoRoot, 'dist/chunks/plan-X.js')), path.join(repoRoot, 'runbooks'));
	t.is(runbooksDirectory(path.join(repoRoot, 'dist/cli.js')), path.join(repoRoot, 'runbooks'));
});

test('without --doc the shipped runbooks are loaded', (t) => {
	const [current, document] = loadDocuments();
	t.is(current!.path, path.join(repoRoot, 'runbooks/matrix-chat.md'));
	t.is(document!.path, shippedPath);
	t.is(document!.runbooks.length, 7);
});

test('ids that clash across documents are prefixed with the document\'s slug', (t) => {
	const [seed, shipped, chat] = loadDocuments([seedPath, shippedPath, path.join(corpusDir, 'chat@2819b3b.md')]);
	t.is(seed!.runbooks[0]!.id, 'tomesh-chat.set-up-martix-homeserver.install-synapse-homeserver');
	t.is(shipped!.runbooks[0]!.id, 'tomesh-chat-2.set-up-martix-homeserver.install-synapse-homeserver');
	t.is(shipped!.runbooks[0]!.steps[2]!.id, 'tomesh-chat-2.set-up-martix-homeserver.install-synapse-homeserver/3');
	t.is(chat!.runbooks.find((runbook) => runbook.title === 'Migrate Database to PostgreSQL')!.id, 'set-up-matrix-homeserver.migrate-database-to-postgresql', 'unique ids stay as they are');
	const all = [seed, shipped, chat].flatMap((document) => document!.runbooks.map((runbook) => runbook.id));
	t.is(new Set(all).size, all.length);
});

test('an unreadable document is an InputError naming the file', (t) => {
	t.throws(() => loadDocuments(['/nonexistent/doc.md']), {instanceOf: InputError, message: '/nonexistent/doc.md: cannot read document: no such file'});
});
