import test from 'ava';
import {checkDirective, maxHttpRetries} from '../../../source/domain/parse/annotation-arguments.js';
import {InputError} from '../../../source/domain/types.js';

const http = (args: string) => checkDirective({directive: 'check-http', args, body: [], line: 7}, 'doc.md:7');

test('check-http retries=N asks for up to N more attempts; retries=0 is the default', (t) => {
	t.deepEqual(http('http://127.0.0.1:8008/x retries=3 contains=ok'), {kind: 'http', url: 'http://127.0.0.1:8008/x', contains: 'ok', retries: 3, line: 7});
	t.deepEqual(http('http://127.0.0.1:8008/x retries=0'), {kind: 'http', url: 'http://127.0.0.1:8008/x', line: 7});
});

for (const bad of ['-1', 'x', '1.5', String(maxHttpRetries + 1), '']) {
	test(`check-http retries=${bad} is rejected with file:line`, (t) => {
		t.throws(() => http(`http://x/ retries=${bad}`), {instanceOf: InputError, message: /^doc\.md:7: bad retries/});
	});
}
