import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {cwdAfter, predictCwd} from '../../../source/domain/plan/predict-cwd.js';
import {shippedPath} from '../seed-paths.js';

const shipped = parseDocument(readFileSync(shippedPath, 'utf8'), 'shipped.md');
const start = {cwd: '/srv', home: '/root'};

test('follows cd of earlier steps (homeserver.yaml after cd ~/.synapse)', (t) => {
	const install = shipped.runbooks[0]!;
	t.is(predictCwd(install, 0, start), '/srv');
	t.is(predictCwd(install, 3, start), '/srv', 'the step that cds starts where it was');
	t.is(predictCwd(install, 4, start), '/root/.synapse');
	t.is(predictCwd(install, 7, start), '/root/.synapse');
});

test('a cwd annotation fixes the directory of its step', (t) => {
	t.is(predictCwd(shipped.runbooks[5]!, 2, start), '/var/www/chat.tomesh.net');
});

test('cd forms', (t) => {
	t.is(cwdAfter('cd vector-web', '/home/op', '/root'), '/home/op/vector-web');
	t.is(cwdAfter('cd', '/x', '/root'), '/root');
	t.is(cwdAfter('cd ~/.synapse && source ./bin/activate', '/x', '/root'), '/root/.synapse');
	t.is(cwdAfter('cd ..', '/a/b', '/root'), '/a');
	t.is(cwdAfter('echo cd /x', '/a', '/root'), '/a');
});

test('cwdAfter reads quoted pieces as the shell does and keeps the directory when a cd cannot be followed', t => {
	t.is(cwdAfter(`cd '/srv/base'/app && ls`, '/x', '/root'), '/srv/base/app');
	t.is(cwdAfter('cd $HOME/.synapse', '/x', '/root'), '/root/.synapse');
	t.is(cwdAfter('cd $SOMEWHERE', '/x', '/root'), '/x');
	t.is(cwdAfter('echo cd /tmp', '/x', '/root'), '/x');
});
