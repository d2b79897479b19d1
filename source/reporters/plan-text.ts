import type {ReportedAction, PlannedDocument} from '../domain/plan/build-plan.js';
import {documentStanding} from '../domain/document-standing.js';
import type {Check, EditOp} from '../domain/types.js';

const indent = (text: string, prefix: string) =>
	text
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => `${prefix}${line}`)
		.join('\n');

function describeEdit(edit: EditOp): string {
	switch (edit.op) {
		case 'set-yaml': {
			return `set ${edit.key.join(':')} to ${edit.value}`;
		}

		case 'append-line': {
			return `append once: ${edit.line}`;
		}

		case 'comment-and-insert': {
			return `comment out lines matching /${edit.match}/, then add ${edit.insert.length} line(s)`;
		}
	}
}

function fileChange(action: ReportedAction, heading: string): string[] {
	const lines = [`     ${heading}`];
	if (action.problem) lines.push(`       ! ${action.problem}`);
	else if (action.diff === '') lines.push('       (already in place: no change)');
	else if (action.diff) lines.push(indent(action.diff, '       '));
	return lines;
}

function actionLines(action: ReportedAction): string[] {
	switch (action.kind) {
		case 'run': {
			const prompt = action.as === 'root' ? '#' : '$';
			const lines = [indent(`${prompt} ${action.command}`, '     ')];
			if (action.unless) lines.push(`       (skipped when \`${action.unless}\` succeeds)`);
			return lines;
		}

		case 'write': {
			return fileChange(action, `write ${action.target ?? action.path}`);
		}

		case 'edit': {
			return fileChange(action, `edit ${action.target ?? action.path}: ${describeEdit(action.edit)}`);
		}

		case 'reboot': {
			return ['     reboot (progress is saved first; the run resumes after boot)'];
		}

		case 'manual': {
			const lines = [indent(`by hand: ${action.text}`, '     ')];
			if (action.path) lines.push(`       file: ${action.path}`);
			if (action.code) lines.push(indent(action.code, '       | '));
			return lines;
		}
	}
}

function checkLine(check: Check): string {
	switch (check.kind) {
		case 'command': {
			const expect = check.expect ? ` → expects ${check.expect.map((line) => `"${line}"`).join(', ')}` : '';
			return `check: ${check.as === 'root' ? '#' : '$'} ${check.command}${expect}`;
		}

		case 'file': {
			return `check: file ${check.path} exists${check.contains ? ` and contains ${check.contains.map((text) => `"${text}"`).join(', ')}` : ''}`;
		}

		case 'http': {
			return `check: ${check.url} answers${check.status ? ` ${check.status}` : ''}${check.contains ? ` with "${check.contains}"` : ''}${check.retries ? ` (up to ${check.retries} retries)` : ''}`;
		}

		case 'port': {
			return `check: ${check.host}:${check.port} accepts connections`;
		}

		case 'matrix': {
			return `check: the Matrix server ${check.serverName} federates and serves clients${check.web ? `, web client ${check.web}` : ''}`;
		}
	}
}

/** The readable form of `tomesh-setup plan`: runbooks, steps, commands (`#` root, `$` user), diffs, checks, notes. */
export function renderPlanText(documents: PlannedDocument[]): string {
	const out: string[] = [];
	for (const document of documents) {
		out.push(`${document.title} (${document.path})`);
		const standing = documentStanding(document);
		if (standing) out.push(`  ${standing}`);
		for (const parameter of document.parameters) {
			const value = parameter.value ?? '(not set: will be asked)';
			out.push(`  parameter ${parameter.name} = ${value}${parameter.value === parameter.literal ? '' : `  [replaces ${parameter.literal}]`}`);
		}

		for (const runbook of document.runbooks) {
			out.push('', `== ${runbook.group ? `${runbook.group} › ` : ''}${runbook.title}  [${runbook.id}]`);
			let cwd = runbook.steps[0]?.cwd;
			for (const step of runbook.steps) {
				// The directory is worth saying only where an earlier step moved it.
				out.push(`  ${step.number}. ${step.title}  (line ${step.line}${step.cwd === cwd ? '' : `, in ${step.cwd}`})`);
				cwd = step.cwd;
				if (step.actions.length === 0) out.push(step.checks.length > 0 ? '     (nothing to run: the checks below confirm it)' : '     (nothing to run)');
				for (const action of step.actions) out.push(...actionLines(action));
				for (const check of step.checks) out.push(indent(checkLine(check), '     '));
				for (const note of step.notes) out.push(indent(`note: ${note}`, '     '));
			}
		}

		out.push('');
	}

	return `${out.join('\n')}\n`;
}
