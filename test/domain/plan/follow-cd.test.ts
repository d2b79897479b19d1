import test from 'ava';
import {followCd, type Whereabouts} from '../../../source/domain/plan/follow-cd.js';

const place = {home: '/root', env: {TS_DIR: '/srv/from env'}};
const at = (cwd: string): Whereabouts => ({cwd, fixed: false});
const after = (command: string, cwd = '/x') => followCd(command, at(cwd), place).cwd;

test('cd forms', t => {
	t.is(after('cd vector-web', '/home/op'), '/home/op/vector-web');
	t.is(after('cd'), '/root');
	t.is(after('cd ~/.synapse && source ./bin/activate'), '/root/.synapse');
	t.is(after('cd ..', '/a/b'), '/a');
	t.is(after('echo cd /x', '/a'), '/a');
});

test('quoted pieces, $HOME and the values the engine passes are read as the shell reads them', t => {
	t.is(after(`cd '/srv/base'/app && ls`), '/srv/base/app');
	t.is(after('cd $HOME/.synapse'), '/root/.synapse');
	t.is(after('cd "$TS_DIR"/app'), '/srv/from env/app');
	t.is(after('cd "${TS_DIR}"'), '/srv/from env');
});

test('every top-level cd is followed; one in a subshell, a pipeline or after || is not', t => {
	t.is(after('mkdir -p app && cd app'), '/x/app');
	t.is(after('cd /srv; cd app\nmake'), '/srv/app');
	t.is(after('(cd /tmp && make)'), '/x');
	t.is(after('echo "a; cd /tmp"'), '/x');
	t.is(after('cd /tmp | cat'), '/x');
	t.is(after('test -d app || cd /tmp'), undefined);
});

test('a cd only the shell can follow makes the directory unknown', t => {
	t.is(after('cd $SOMEWHERE'), undefined);
	t.is(after('cd -'), undefined);
	t.is(after('cd "$(mktemp -d)"'), undefined);
});

test('absolute and ~ cds fix the directory; relative ones keep what the start was', t => {
	t.true(followCd('cd /srv', at('/x'), place).fixed);
	t.true(followCd('cd ~', at('/x'), place).fixed);
	t.false(followCd('cd app', at('/x'), place).fixed);
	t.true(followCd('cd app', {cwd: '/srv', fixed: true}, place).fixed);
});
