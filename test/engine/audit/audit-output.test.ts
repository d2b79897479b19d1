import {readFileSync, statSync} from 'node:fs';
import test from 'ava';
import {OutputSampler} from '../../../source/domain/output/output-sampler.js';
import {AuditLog} from '../../../source/engine/audit/audit-log.js';
import {auditKeptChars, AuditOutput} from '../../../source/engine/audit/audit-output.js';
import {temporaryDirectory} from '../../helpers/temporary.js';

function logIn(): AuditLog {
	return new AuditLog(temporaryDirectory('tomesh-audit-output-'));
}

function outputLines(log: AuditLog): string[] {
	return readFileSync(log.file, 'utf8')
		.trimEnd()
		.split('\n')
		.map(line => line.replace(/^\S+ a\.b\/1 /, ''));
}

test('chunked output is logged as the lines a line-by-line log wrote, secrets masked, carriage returns dropped', t => {
	const log = logIn();
	const audit = new AuditOutput(log, 'a.b/1');
	const lines = new OutputSampler(Number.POSITIVE_INFINITY, 1);
	// Cut inside the secret's line: masking sees whole lines only.
	for (const piece of ['one\r\nform_se', 'cret: hun', 'ter2\nthr', 'ee\nlast without newline']) {
		lines.add(Buffer.from(piece));
		audit.push(lines.take()?.text ?? '');
	}

	audit.push(lines.end()!.text);
	audit.end();
	t.deepEqual(outputLines(log), ['  | one', '  | form_secret: ********', '  | three', '  | last without newline']);
	t.false(readFileSync(log.file, 'utf8').includes('hunter2'));
});

test('a huge output keeps its first and last 256 KiB in the log, with a line saying how many bytes were left out', t => {
	const log = logIn();
	const audit = new AuditOutput(log, 'a.b/1');
	const line = (index: number) => `${String(index).padStart(8, '0')} ${'x'.repeat(90)}\n`;
	let total = 0;
	const count = 100_000;
	for (let start = 0; start < count; start += 600) {
		let chunk = '';
		for (let index = start; index < Math.min(count, start + 600); index++) chunk += line(index);
		if (start === 60_000) chunk += 'password: letmein\n';
		total += chunk.length;
		audit.push(chunk);
	}

	audit.push('token = abc\nthe end\n');
	total += 'token = abc\nthe end\n'.length;
	audit.end();
	const logged = outputLines(log);
	const size = statSync(log.file).size;
	t.true(total > 9_000_000);
	t.true(size < 1024 * 1024, `the log has ${size} bytes`);
	t.is(logged[0], `  | ${line(0).trimEnd()}`);
	t.is(logged.at(-1), '  | the end');
	t.is(logged.at(-2), '  | token = ********');
	const gap = logged.findIndex(entry => entry.startsWith('  … '));
	t.true(gap > 0);
	const left = Number(/… (\d+) bytes of output left out/.exec(logged[gap]!)![1]);
	const kept = logged.filter(entry => entry.startsWith('  | ')).reduce((sum, entry) => sum + entry.length - 4 + 1, 0);
	t.true(kept <= 2 * auditKeptChars + 64 * 1024, `kept ${kept}`);
	// Every byte is either logged or counted as left out (the masked token is longer than the value it hides).
	t.is(kept + left, total + 'token = ********'.length - 'token = abc'.length);
	t.false(readFileSync(log.file, 'utf8').includes('letmein'));
	t.false(readFileSync(log.file, 'utf8').includes('abc'));
	// Whole lines on both sides of the gap.
	t.regex(logged[gap - 1]!, /^ {2}\| \d{8} x{90}$/);
	t.regex(logged[gap + 1]!, /^ {2}\| \d{8} x{90}$/);
});

test('a thinned flood: the head, then a line counting every byte left out (gaps included), then what followed the last gap', t => {
	const log = logIn();
	const audit = new AuditOutput(log, 'a.b/1');
	audit.push('head 1\nhead 2\n');
	audit.push('middle\n', 5000);
	audit.push('end 1\nend 2\n', 7000);
	audit.end();
	t.deepEqual(outputLines(log), [
		'  | head 1',
		'  | head 2',
		`  … ${5000 + 'middle\n'.length + 7000} bytes of output left out (the log keeps the first and the last 256 KiB of a command's output) …`,
		'  | end 1',
		'  | end 2',
	]);
});
