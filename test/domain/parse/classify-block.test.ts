import test from 'ava';
import {classifyBlock} from '../../../source/domain/parse/classify-block.js';

test('prompts: # root, $ user, continuations joined', (t) => {
	const result = classifyBlock('# cd /x\n$ make \\\n    all', undefined, 5, undefined, '');
	t.deepEqual(result.actions, [
		{kind: 'run', as: 'root', command: 'cd /x', line: 5},
		{kind: 'run', as: 'user', command: 'make \\\n    all', line: 6},
	]);
});

test('a transcript: $ commands with output are checks, without output are actions', (t) => {
	const result = classifyBlock('$ cd app\n$ node -v\nv6.4.0\n$ npm -v\n3.10.3', undefined, 1, undefined, '');
	t.deepEqual(result.actions, [{kind: 'run', as: 'user', command: 'cd app', line: 1}]);
	t.deepEqual(result.checks, [
		{kind: 'command', as: 'user', command: 'node -v', expect: ['v6.4.0'], line: 2},
		{kind: 'command', as: 'user', command: 'npm -v', expect: ['3.10.3'], line: 4},
	]);
});

test('no prompt: shell when every line reads like a command; sudo dropped, echo >> is an append', (t) => {
	const result = classifyBlock('sudo apt update\necho "a: 1" >> conf.yaml\nsudo reboot', undefined, 1, undefined, '');
	t.deepEqual(result.actions, [
		{kind: 'run', as: 'root', command: 'apt update', line: 1},
		{kind: 'edit', path: 'conf.yaml', edit: {op: 'append-line', line: 'a: 1'}, line: 2},
		{kind: 'reboot', line: 3},
	]);
});

test('blocks that are not shell are manual, with their language, and never run', (t) => {
	t.like(classifyBlock('select * from users;', undefined, 1, undefined, 'Run query:').actions[0], {kind: 'manual', language: 'sql', text: 'Run query:'});
	t.like(classifyBlock('{\n  "a": 1\n}', undefined, 1, undefined, '').actions[0], {kind: 'manual', language: 'json'});
	t.like(classifyBlock('# database config\ndatabase:\n  name: psycopg2', undefined, 1, undefined, '').actions[0], {kind: 'manual', language: 'yaml'});
	t.like(classifyBlock('set interfaces ethernet eth0', 'text', 1, undefined, '').actions[0], {kind: 'manual', language: 'text'});
	t.like(classifyBlock('export PORT="80"', undefined, 1, {kind: 'file-edit', path: '/etc/init.d/wekan'}, '').actions[0], {kind: 'manual', path: '/etc/init.d/wekan'});
});

test('the prose context makes a block a file write or a comment-and-insert edit', (t) => {
	t.deepEqual(classifyBlock('server {\n}', undefined, 3, {kind: 'write', path: '/etc/nginx/x'}, '').actions, [{kind: 'write', path: '/etc/nginx/x', content: 'server {\n}\n', line: 3}]);
	t.deepEqual(classifyBlock('#   dns-nameservers ::1 8.8.8.8\n    dns-nameservers 8.8.8.8', undefined, 3, {kind: 'comment-and-insert', path: '/etc/network/interfaces', match: '^dns-nameservers(\\s|$)'}, '').actions, [
		{kind: 'edit', path: '/etc/network/interfaces', edit: {op: 'comment-and-insert', match: '^dns-nameservers(\\s|$)', insert: ['    dns-nameservers 8.8.8.8']}, line: 3},
	]);
});

test('commands for another machine (SSH into a host, a router) are shown, never run here', (t) => {
	t.like(classifyBlock('# set interfaces ethernet eth0 address 10.0.0.1/24\n# commit', undefined, 1, {kind: 'remote'}, 'SSH into **router** and run:').actions[0], {
		kind: 'manual',
		text: 'SSH into **router** and run:',
	});
});

test('heredocs: a literal cat > FILE is a write; one the shell would expand runs as written', (t) => {
	const result = classifyBlock("# mkdir -p /etc/app\n# cat > /etc/app/app.conf <<'EOF'\nport = 80\nname = $NAME\nEOF\n# systemctl restart app", undefined, 10, undefined, '');
	t.deepEqual(result.actions, [
		{kind: 'run', as: 'root', command: 'mkdir -p /etc/app', line: 10},
		{kind: 'write', path: '/etc/app/app.conf', content: 'port = 80\nname = $NAME\n', line: 11},
		{kind: 'run', as: 'root', command: 'systemctl restart app', line: 15},
	]);
	const expanding = classifyBlock('cat <<EOF >> /etc/profile\nexport PATH=$PATH:/opt/bin\nEOF', undefined, 1, undefined, '');
	t.deepEqual(expanding.actions, [{kind: 'run', as: 'root', command: 'cat <<EOF >> /etc/profile\nexport PATH=$PATH:/opt/bin\nEOF', line: 1}]);
	t.like(classifyBlock('sudo tee /etc/x.conf <<EOF > /dev/null\na=1\nEOF', undefined, 1, undefined, '').actions[0], {kind: 'write', path: '/etc/x.conf', content: 'a=1\n'});
});

test('sudo tee FILE > /dev/null <<\'EOF\' (the redirection before the heredoc) is a write too', (t) => {
	t.like(classifyBlock("$ sudo tee /etc/x.yaml > /dev/null <<'EOF'\nkey: \"v\"\nEOF", undefined, 1, undefined, '').actions[0], {kind: 'write', path: '/etc/x.yaml', content: 'key: "v"\n'});
	t.like(classifyBlock('tee /etc/x.conf >/dev/null <<EOF\na=$HOME\nEOF', undefined, 1, undefined, '').actions[0], {kind: 'run'}, 'the shell would expand it: it runs');
});

test('echo "LINE" | sudo tee -a FILE is an append-once edit too', (t) => {
	t.deepEqual(classifyBlock("echo '/swapfile none swap sw 0 0' | sudo tee -a /etc/fstab", undefined, 4, undefined, '').actions, [
		{kind: 'edit', path: '/etc/fstab', edit: {op: 'append-line', line: '/swapfile none swap sw 0 0'}, line: 4},
	]);
});

test('echo >> FILE is an edit only when the shell takes FILE as written: a variable, ~ or a glob leaves it the shell\'s to run', (t) => {
	const append = (path: string) => ({kind: 'edit', path, edit: {op: 'append-line', line: 'x=1'}, line: 2});
	t.deepEqual(classifyBlock('echo "x=1" >> "/etc/my conf"', undefined, 2, undefined, '').actions, [append('/etc/my conf')]);
	t.deepEqual(classifyBlock("echo 'x=1' | tee -a '/etc/x.conf'", undefined, 2, undefined, '').actions, [append('/etc/x.conf')]);
	t.deepEqual(classifyBlock('echo "x=1" >> conf.d/x.conf', undefined, 2, undefined, '').actions, [append('conf.d/x.conf')]);
	for (const target of ['"$WORK/markers.txt"', '$HOME/x', '~/x', '/etc/*.conf', '"`pwd`/x"']) {
		const command = `echo "x=1" >> ${target}`;
		t.deepEqual(classifyBlock(command, undefined, 2, undefined, '').actions, [{kind: 'run', as: 'root', command, line: 2}], target);
	}
});
