import {TextTail} from '../../domain/output/text-tail.js';
import type {AuditLog} from './audit-log.js';

/** How much of one command's output the audit log keeps from its start, and from its end (characters, about bytes). */
export const auditKeptChars = 256 * 1024;

/**
 * What the audit log keeps of one command's output. The log lives under /var/log on a server that may have a 1 GB
 * disk: a step printing a gigabyte must not write a gigabyte, so only the first and the last `auditKeptChars` of a
 * command's output are kept, with a line saying how many bytes were left out between them. The start is written as
 * it arrives, the end when the command ends. Chunks hold complete lines, so secrets are masked on whole lines. A flood
 * reaches here already thinned (OutputSampler: the start whole, then pieces of up to 256 KiB after counted gaps): the
 * end kept is what followed the last gap, and the bytes left out include the gaps.
 */
export class AuditOutput {
	private readonly audit: AuditLog;
	private readonly step: string;
	private headChars = 0;
	private readonly tail = new TextTail(auditKeptChars);

	constructor(audit: AuditLog, step: string) {
		this.audit = audit;
		this.step = step;
	}

	/** Records a chunk of complete lines after `skipped` bytes left out (as ShellRequest.onOutput gives them). */
	push(text: string, skipped = 0): void {
		// The head is whole (the output's start is never thinned); a gap restarts the tail (TextTail.push).
		if (skipped > 0) this.headChars = auditKeptChars;
		let rest = text;
		if (this.headChars < auditKeptChars) {
			const room = auditKeptChars - this.headChars;
			const cut = rest.length <= room ? rest.length : rest.lastIndexOf('\n', room - 1) + 1;
			if (cut > 0) this.write(rest.slice(0, cut));
			this.headChars = cut === rest.length ? this.headChars + cut : auditKeptChars;
			rest = rest.slice(cut);
		}

		this.tail.push(rest, skipped);
	}

	/** Writes the end of the output, after a line saying how much was left out; call once the command has ended. */
	end(): void {
		const kept = this.tail.text();
		const omitted = this.tail.bytes - Buffer.byteLength(kept);
		if (omitted > 0) this.audit.write(this.step, `… ${omitted} bytes of output left out (the log keeps the first and the last ${auditKeptChars / 1024} KiB of a command's output) …`, '  ');
		if (kept !== '') this.write(kept);
		this.tail.clear();
	}

	private write(lines: string): void {
		this.audit.write(this.step, lines.replace(/\r?\n$/, '').replaceAll('\r\n', '\n'), '  | ');
	}
}
