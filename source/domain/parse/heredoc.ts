import type {Action} from '../types.js';

/** A piece of a code block: ordinary lines, or one heredoc already turned into an action. */
export type BlockPart = {kind: 'lines'; code: string; firstLine: number} | {kind: 'heredoc'; action: Action};

const opener = /<<(-?)\s*(['"]?)([A-Za-z_]\w*)\2/;
// `cat > PATH <<EOF`, `cat <<EOF > PATH`, `tee PATH <<EOF` (optionally `> /dev/null`, before or after), nothing else on the line.
const writeForms = [
	/^(?:sudo\s+)?cat\s*>\s*([^\s;&|<>]+)\s*<<-?\s*(['"]?)\w+\2\s*$/,
	/^(?:sudo\s+)?cat\s*<<-?\s*(?:['"]?)\w+(?:['"]?)\s*>\s*([^\s;&|<>]+)\s*$/,
	/^(?:sudo\s+)?tee\s+([^\s;&|<>-][^\s;&|<>]*)\s*<<-?\s*(['"]?)\w+\2\s*(?:>\s*\/dev\/null\s*)?$/,
	/^(?:sudo\s+)?tee\s+([^\s;&|<>-][^\s;&|<>]*)\s*>\s*\/dev\/null\s*<<-?\s*(['"]?)\w+\2\s*$/,
];

/**
 * Splits a code block around its heredocs. `cat > FILE <<'EOF' … EOF` (and the `tee` forms) become a write of
 * FILE with the body as content when the shell would not expand anything in it; any other heredoc becomes one run
 * action carrying the whole text, so bash sees it exactly as written.
 */
export function splitHeredocs(code: string, firstLine: number): BlockPart[] {
	const lines = code.split('\n');
	const parts: BlockPart[] = [];
	let pending: string[] = [];
	let pendingStart = firstLine;
	for (let index = 0; index < lines.length; index++) {
		const raw = lines[index]!;
		const match = opener.exec(raw);
		const end = match ? lines.findIndex((line, at) => at > index && (match[1] ? line.replace(/^\t+/, '') : line).trim() === match[3]) : -1;
		if (!match || end === -1) {
			if (pending.length === 0) pendingStart = firstLine + index;
			pending.push(raw);
			continue;
		}

		if (pending.length > 0) parts.push({kind: 'lines', code: pending.join('\n'), firstLine: pendingStart});
		pending = [];
		const prompt = /^\s*([#$])\s+/.exec(raw);
		const head = raw.replace(/^\s*[#$]\s+/, '').trim();
		const body = lines.slice(index + 1, end).map((line) => (match[1] ? line.replace(/^\t+/, '') : line));
		const line = firstLine + index;
		const target = writeForms.map((form) => form.exec(head)).find(Boolean);
		const literal = match[2] !== '' || !body.some((text) => /[$`\\]/.test(text));
		parts.push({
			kind: 'heredoc',
			action:
				target && literal
					? {kind: 'write', path: target[1]!, content: body.length > 0 ? `${body.join('\n')}\n` : '', line}
					: {kind: 'run', as: prompt?.[1] === '$' ? 'user' : 'root', command: [head, ...lines.slice(index + 1, end + 1)].join('\n'), line},
		});
		index = end;
	}

	if (pending.length > 0) parts.push({kind: 'lines', code: pending.join('\n'), firstLine: pendingStart});
	return parts;
}
