import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {parameterValues} from '../../../source/domain/params/parameters.js';
import {resolveStep} from '../../../source/domain/params/resolve-step.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {stepLocator} from '../../../source/engine/checks/locate-step.js';

const file = fileURLToPath(new URL('../../../runbooks/matrix-chat.md', import.meta.url));
const document = parseDocument(readFileSync(file, 'utf8'), file);
const given = {domain: 'example.test', matrix_host: 'matrix.example.test', chat_host: 'chat.example.test', admin_password: 'pw-for-tests'};
const values = parameterValues(document.parameters, given);
const locate = stepLocator(document.runbooks.flatMap(runbook => runbook.steps.map(step => resolveStep(step, document.parameters, values))));

// What check-matrix looks for when it finds each problem on a server set up with the shipped document.
const cases: Array<[string, string[], string]> = [
	['no client .well-known', ['/.well-known/matrix/client'], 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/3'],
	['no CORS on it', ['/.well-known/matrix/client', 'Access-Control-Allow-Origin'], 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/3'],
	['no server .well-known', ['/.well-known/matrix/server'], 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/3'],
	['the server name\'s site does not answer', ['sites-enabled/example.test'], 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/4'],
	['the web client\'s site does not answer', ['sites-enabled/chat.example.test'], 'set-up-the-element-web-client.install-element-web/4'],
	['no certificate', ['certbot certonly'], 'set-up-https-with-nginx-and-let-s-encrypt.get-a-certificate/3'],
	['no proxy to Synapse', ['proxy_pass', 'server_name matrix.example.test'], 'set-up-https-with-nginx-and-let-s-encrypt.serve-matrix-over-https/2'],
	['a name does not resolve', ['getent hosts matrix.example.test'], 'prepare-the-server.names-and-firewall/1'],
	['keys for another server name', ['server-name'], 'set-up-the-matrix-homeserver.install-synapse/1'],
	['expired keys', ['restart matrix-synapse'], 'set-up-the-matrix-homeserver.configure-synapse/3'],
	['no web client config', ['default_server_config'], 'set-up-the-element-web-client.install-element-web/2'],
];

for (const [problem, look, step] of cases) {
	test(`check-matrix on the shipped document: ${problem} → ${step}`, t => {
		t.is(locate(look)?.id, step);
	});
}

test('nothing that does it: no step', t => {
	t.is(locate(['no such text anywhere']), undefined);
});
