import {mkdirSync, readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {RunEvent, RunListener} from '../domain/events.js';
import {formatRecord, type RecordHeader} from '../domain/record/format-record.js';
import {RunRecord, type RecordItem} from '../domain/record/run-record.js';
import {writeNoFollow} from '../store/safe-files.js';

// The directory of the as-run records under a log directory.
function recordDirectory(logDir: string): string {
	return path.join(logDir, 'runs');
}

/** The newest as-run record under `logDir`, or undefined when no run left one. */
export function latestRecord(logDir: string): string | undefined {
	let names: string[];
	try {
		names = readdirSync(recordDirectory(logDir)).filter(name => name.endsWith('.md'));
	} catch {
		return undefined;
	}

	const newest = names.sort().at(-1);
	return newest && path.join(recordDirectory(logDir), newest);
}

/**
 * The as-run record of this process's run: a markdown file `<logDir>/runs/<time>.md` beside the audit log, made at the
 * first step run (a command that runs nothing leaves none) and written again whole after each action, check and step,
 * so what a killed run did is on disk. Never through a symbolic link; a record that cannot be written never stops a run.
 */
export class AsRunRecord {
	/** The record's file (it exists once a step ran). */
	readonly file: string;
	private readonly record = new RunRecord();
	private readonly header: RecordHeader;
	private readonly mask: (text: string) => string;
	private created = false;
	private warned = false;

	constructor(logDir: string, header: Omit<RecordHeader, 'startedAt' | 'host'>, mask: (text: string) => string) {
		const startedAt = new Date().toISOString();
		this.file = path.join(recordDirectory(logDir), `${startedAt.replaceAll(':', '-')}.md`);
		this.header = {...header, startedAt, host: os.hostname()};
		this.mask = mask;
	}

	/** Takes one (already masked) run event of a step `by` ran. */
	add(event: RunEvent, by: string): void {
		this.record.add(event, by);
		if (event.type !== 'output' && event.type !== 'action-start') this.save();
	}

	/** A listener that feeds the record (the steps run by `by`) and then `next`. */
	listener(next: RunListener | undefined, by: string): RunListener {
		return event => {
			this.add(event, by);
			next?.(event);
		};
	}

	/** Records the operator's word about a step (skipped, marked done, undone). */
	note(item: Extract<RecordItem, {type: 'skipped' | 'marked-done' | 'undone'}>): void {
		this.record.note({...item, title: this.mask(item.title)});
		this.save();
	}

	private save(): void {
		try {
			const text = this.mask(formatRecord(this.header, this.record.items));
			if (!this.created) {
				mkdirSync(path.dirname(this.file), {recursive: true, mode: 0o700});
				writeNoFollow(this.file, text, {exclusive: true});
				this.created = true;
				return;
			}

			writeNoFollow(this.file, text);
		} catch (error) {
			if (!this.warned) process.stderr.write(`tomesh-setup: cannot write the as-run record ${this.file}: ${(error as Error).message}\n`);
			this.warned = true;
		}
	}
}
