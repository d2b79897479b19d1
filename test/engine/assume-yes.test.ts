import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {assumeYesEnvironment} from '../../source/engine/assume-yes.js';
import {temporaryDirectory} from '../helpers/temporary.js';

test('headless apt: debconf does not ask, apt assumes yes and keeps changed config files', t => {
	const state = temporaryDirectory('tomesh-yes-');
	const env = assumeYesEnvironment(state);
	t.is(env.DEBIAN_FRONTEND, 'noninteractive');
	t.is(env.APT_CONFIG, path.join(state, 'apt-assume-yes.conf'));
	const config = readFileSync(env.APT_CONFIG!, 'utf8');
	t.regex(config, /^APT::Get::Assume-Yes "true";$/m);
	t.regex(config, /--force-confold/);
});
