import type {RunEvent, RunListener} from '../domain/events.js';
import {failureText} from '../domain/failure-text.js';
import {checkMarks, stepMarks} from '../domain/marks.js';
import {silenceText} from '../domain/output/silence.js';
import {TextTail} from '../domain/output/text-tail.js';

/** How many output lines a failed step shows. */
export const failureTailLines = 20;
const failureTailChars = 32 * 1024;

/**
 * The headless run reporter: one line when a step starts and one when it ends, each file change's diff, and the
 * last lines of output when a step fails. Writes to `write` (stdout by default); never renders anything live.
 */
export function plainRunReporter(write: (text: string) => void = text => process.stdout.write(text)): RunListener {
	// Only the end of each step's output is kept, and split into lines only when a step fails.
	const tails = new Map<string, TextTail>();
	return (event: RunEvent) => {
		switch (event.type) {
			case 'step-start': {
				tails.set(event.step, new TextTail(failureTailChars));
				write(`▶ ${event.step} ${event.title}\n`);
				break;
			}

			case 'output': {
				const tail = tails.get(event.step) ?? new TextTail(failureTailChars);
				tail.push(event.text, event.skipped);
				tails.set(event.step, tail);
				break;
			}

			case 'silence': {
				// A long quiet command (apt, a download) must not look hung in a log or a CI job.
				write(`  … ${silenceText(event.seconds)}\n`);
				break;
			}

			case 'action-start': {
				// Work the tool cannot do must still reach the operator's eyes in a headless run.
				if (event.action.kind === 'manual') write(`  ☐ by hand: ${event.action.text.split('\n')[0]}${event.action.path ? ` (${event.action.path})` : ''}\n`);
				break;
			}

			case 'action-end': {
				if (event.diff) write(indent(event.diff.replace(/\n$/, '')));
				else if (event.outcome === 'unchanged') write(`  = no change${event.message ? `: ${event.message}` : ''}\n`);
				else if (event.outcome === 'already-done') write(`  = already done${event.message ? ` (${event.message})` : ''}\n`);
				break;
			}

			case 'check': {
				if (event.result.status === 'fail') write(`  ${checkMarks.fail} check: ${event.result.title}: ${event.result.detail}\n`);
				break;
			}

			case 'step-end': {
				const why = event.status === 'failed' || event.status === 'interrupted' ? failureText(event) : '';
				write(`${stepMarks[event.status]} ${event.step} ${event.status} (${seconds(event.durationMs)})${why ? `: ${why}` : ''}\n`);
				if (event.status === 'failed' || event.status === 'interrupted') {
					const tail = tails.get(event.step)?.lines(failureTailLines) ?? [];
					if (tail.length > 0) write(`  last output:\n${indent(tail.join('\n'), '    ')}`);
					if (event.log) write(`  the whole output: ${event.log}\n`);
				}

				tails.delete(event.step);
				break;
			}

			case 'reboot': {
				write(`↻ ${event.step}: progress saved; rebooting — after the reboot, log in and run: ${event.resume ?? 'sudo tomesh-setup'}\n`);
				break;
			}

			default: {
				break;
			}
		}
	};
}


function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text: string, prefix = '  '): string {
	return `${text
		.split('\n')
		.map(line => `${prefix}${line}`)
		.join('\n')}\n`;
}
