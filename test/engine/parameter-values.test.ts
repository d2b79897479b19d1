import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {resolveStep} from '../../source/domain/params/resolve-step.js';
import type {Parameter, Step} from '../../source/domain/types.js';
import {AuditLog} from '../../source/engine/audit/audit-log.js';
import {runChecks, stepCheckJobs} from '../../source/engine/checks/run-checks.js';
import {executeStep} from '../../source/engine/executor.js';
import {planStep} from '../../source/domain/plan/plan-step.js';
import {readLiveText} from '../../source/engine/read-live.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const parameters: Parameter[] = [{name: 'DB_PASSWORD', literal: 'DB_PASSWORD', type: 'text', line: 1}];

test('a hostile text value reaches a command and its check as data, through the environment, and is not saved in the session', async t => {
	const root = temporaryDirectory('tomesh-values-');
	const canary = path.join(root, 'canary');
	const value = `'"$(touch ${canary})"\`touch ${canary}\`; touch ${canary}`;
	const step: Step = {
		id: 'fixture.runbook/1',
		number: 1,
		line: 1,
		title: 'Set the password',
		markdown: '',
		actions: [{kind: 'run', as: 'root', command: "echo 'password: DB_PASSWORD' > conf && echo \"DB_PASSWORD\" >> conf", line: 2}],
		checks: [{kind: 'command', as: 'root', command: 'grep -qF -- "DB_PASSWORD" conf', line: 3}],
		notes: [],
	};
	const resolved = resolveStep(step, parameters, {DB_PASSWORD: value});
	t.false(JSON.stringify(resolved.actions[0]).includes(`${canary};`), 'the value is not in the command text');
	const plan = planStep(resolved, {home: root, env: {}, where: {cwd: root, fixed: false}}, readLiveText);
	const result = await executeStep(resolved, plan, {session: {cwd: root, env: {}}, home: root, backupDir: path.join(root, 'backups'), audit: new AuditLog(root)});
	t.true(result.ok, result.message);
	t.is(readFileSync(path.join(root, 'conf'), 'utf8'), `password: ${value}\n${value}\n`);
	t.deepEqual(Object.keys(result.session.env).filter(name => name.startsWith('TS_PARAM')), []);
	const planned = {runbook: {id: 'fixture.runbook', title: 'R', group: '', line: 1, steps: [resolved]}, steps: [resolved], plans: [plan]};
	const [check] = await runChecks(stepCheckJobs(planned, 0, {...result.session, home: root}));
	t.is(check?.status, 'pass', check?.detail);
	t.false(existsSync(canary));
});
