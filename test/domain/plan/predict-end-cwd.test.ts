import test from 'ava';
import type {Step} from '../../../source/domain/types.js';
import {predictEndCwd} from '../../../source/domain/plan/predict-cwd.js';

const step = (commands: string[], cwd?: string): Step => ({
	id: 's/1',
	number: 1,
	line: 1,
	title: '',
	markdown: '',
	notes: [],
	checks: [],
	actions: commands.map(command => ({kind: 'run' as const, as: 'root' as const, command, line: 1})),
	...(cwd ? {cwd} : {}),
});

test('follows absolute, ~ and relative cds, and cwd annotations', t => {
	t.is(predictEndCwd([step(['cd ~/.synapse', 'python -m synapse.app.homeserver'])], '/x', '/root'), '/root/.synapse');
	t.is(predictEndCwd([step(['cd /srv']), step(['cd app && ls'])], '/x', '/root'), '/srv/app');
	t.is(predictEndCwd([step(['cd'])], '/x', '/root'), '/root');
	t.is(predictEndCwd([step([], '/var/www/chat')], '/x', '/root'), '/var/www/chat');
	t.is(predictEndCwd([step(['ls'])], '/x', '/root'), '/x');
});

test('unquotes parameter values the resolver quoted', t => {
	t.is(predictEndCwd([step(["cd '/tmp/a b/srv'/app"])], '/x', '/root'), '/tmp/a b/srv/app');
});

test('a cd it cannot follow makes the prediction unknown', t => {
	t.is(predictEndCwd([step(['cd $APP_DIR'])], '/x', '/root'), undefined);
	t.is(predictEndCwd([step(['cd -'])], '/x', '/root'), undefined);
});
