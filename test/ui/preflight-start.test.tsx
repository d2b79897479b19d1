import test from 'ava';
import {render} from 'ink-testing-library';
import type {PreflightFinding} from '../../source/domain/preflight/types.js';
import {Checklist} from '../../source/ui/screens/checklist.js';
import {FakeController} from '../helpers/fake-controller.js';
import {keys, waitFor, waitForFrame} from '../helpers/wait-for.js';

const noop = () => undefined;
const findings: PreflightFinding[] = [
	{id: 'os', level: 'ok', what: 'Debian GNU/Linux 12 (bookworm)', consequence: '', todo: ''},
	{id: 'port-80', level: 'ok', what: 'port 80 is in use by nginx (pid 42) — nginx, as the documents expect', consequence: '', todo: ''},
	{id: 'port-443', level: 'ok', what: 'port 443 is free', consequence: '', todo: ''},
	{id: 'memory', level: 'warn', what: 'memory 1.0 GiB, swap none', consequence: 'Synapse needs swap', todo: 'add 1–2 GiB of swap'},
	{id: 'nginx-site-matrix.example.org', level: 'warn', what: 'nginx already serves matrix.example.org from /etc/nginx/sites-enabled/old', consequence: 'two server blocks with one name', todo: 'remove matrix.example.org from that file'},
];

test('before anything ran, the checklist draws at once and the preflight findings follow: collisions first, with what to do', async t => {
	let arrive: (found: PreflightFinding[]) => void = noop;
	const controller = new FakeController({preflight: new Promise(resolve => (arrive = resolve))});
	const {lastFrame, stdin, unmount} = render(<Checklist controller={controller} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const first = await waitForFrame(lastFrame, 'verify all');
	t.regex(first, /Preflight: looking at this server…/);
	t.regex(first, /Start with Install Synapse Homeserver/);
	arrive(findings);
	const frame = await waitForFrame(lastFrame, 'Preflight: 3 ok, 2 warnings, 0 blocking');
	t.regex(frame, /⚠ nginx already serves matrix\.example\.org from \/etc\/nginx\/sites-enabled\/old\n\s+two server blocks with one name — to do: remove matrix\.example\.org from that file\n⚠ memory 1\.0 GiB, swap none\n\s+Synapse needs swap — to do: add 1–2 GiB of swap\n✔ port 80 is in use by nginx \(pid 42\)/);
	t.notRegex(frame, /port 443/, 'what is fine and absent is left for f');
	t.regex(frame, /f\s+preflight/);
	stdin.write('f');
	const details = await waitForFrame(lastFrame, 'what is already on this server');
	t.regex(details, /✔ port 443 is free/);
	t.regex(details, /to do: remove matrix\.example\.org from that file/);
	stdin.write('f');
	await waitForFrame(lastFrame, 'Preflight: 3 ok');
	t.is(controller.preflightCalls, 1);
	unmount();
});

test('once a step has run, the checklist shows no preflight and does not gather it', async t => {
	const controller = new FakeController({statuses: {'homeserver.install/1': 'done'}, preflight: findings});
	const {lastFrame, unmount} = render(<Checklist controller={controller} onOpenStep={noop} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, 'verify all');
	t.notRegex(frame, /Preflight/);
	t.notRegex(frame, /f\s+preflight/);
	t.is(controller.preflightCalls, 0);
	unmount();
});

test('only a finding that says the documents cannot work stands before the first step, until confirmed', async t => {
	const blocked = [...findings, {id: 'disk', level: 'block' as const, what: '200 MiB free of 10.0 GiB on /var', consequence: 'the packages cannot fit', todo: 'free space'}];
	const opened: string[] = [];
	const controller = new FakeController({preflight: blocked});
	const {lastFrame, stdin, unmount} = render(<Checklist controller={controller} onOpenStep={id => opened.push(id)} onVerify={noop} onQuit={noop} />);
	const frame = await waitForFrame(lastFrame, '1 blocking');
	t.regex(frame, /Preflight: 3 ok, 2 warnings, 1 blocking \(f: all of it\)\n✖ 200 MiB free/, 'the blocker comes first');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, 'Start anyway? (y/n)');
	stdin.write('n');
	await waitForFrame(lastFrame, 'verify all');
	t.deepEqual(opened, []);
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, 'Start anyway? (y/n)');
	stdin.write('y');
	await waitFor(() => opened.length > 0, 'the first step to open');
	t.deepEqual(opened, ['homeserver.install/1']);
	unmount();
});

test('warnings alone never stand in the way: Enter opens the first step', async t => {
	const opened: string[] = [];
	const controller = new FakeController({preflight: findings});
	const {lastFrame, stdin, unmount} = render(<Checklist controller={controller} onOpenStep={id => opened.push(id)} onVerify={noop} onQuit={noop} />);
	await waitForFrame(lastFrame, '2 warnings');
	stdin.write(keys.enter);
	await waitFor(() => opened.length > 0, 'the first step to open');
	t.deepEqual(opened, ['homeserver.install/1']);
	unmount();
});
