/** How the shell reads the text at one offset of a command. */
export type ShellContext =
	/** Outside quotes, in the shell's code (top level, `$(…)`, a backquoted command, `(…)`). */
	| {kind: 'code'; reparsed: boolean}
	| {kind: 'single'; reparsed: boolean}
	| {kind: 'double'; reparsed: boolean}
	/** `$'…'`. */
	| {kind: 'ansi'; reparsed: boolean}
	/** The word of `${NAME:-word}`; `quoted` when the expansion itself is inside double quotes. */
	| {kind: 'param'; quoted: boolean; reparsed: boolean}
	/** `$((…))`, `((…))`: the text is evaluated as arithmetic, where `a[$(cmd)]` runs cmd. */
	| {kind: 'arith'; reparsed: true}
	/** A here-document's body; `literal` when its delimiter is quoted (no expansion). */
	| {kind: 'heredoc'; literal: boolean; delimiter: string; reparsed: boolean};

type Frame =
	| {kind: 'code'; close: string; depth: number}
	| {kind: 'single' | 'double' | 'ansi' | 'backquote'}
	| {kind: 'param'; depth: number}
	| {kind: 'arith'; depth: number};

interface Heredoc {
	delimiter: string;
	literal: boolean;
	strip: boolean;
	reparsed: boolean;
}

// Programs that read an argument, stdin or a here-document as code (a shell, an interpreter, a SQL client with a
// shell escape) and bash builtins that evaluate text: a value reaching them is read twice, and no quoting of the
// outer shell survives the second reading. `[[ … -eq … ]]`, `let` and `declare -i` evaluate arithmetic.
const interpreters = String.raw`(?:ba|da|z|k|mk|c|tc|a)?sh|fish|busybox|su|runuser|ssh|eval|trap|alias|let|watch|script|tmux|screen|python[\d.]*|perl|ruby|node(?:js)?|php[\d.]*|lua[\d.]*|tclsh|expect|awk|gawk|mawk|nawk|sed|psql|mysql|mariadb|sqlite3|parallel`;
const reparsingLine = new RegExp(
	String.raw`(?:^|[\s;&|(\x60'"{!])(?:[\w./-]*/)?(?:${interpreters})(?=$|[\s;&|)\x60'"}<>])|\[\[.*\s-(?:eq|ne|lt|le|gt|ge)\s|(?:^|\s)(?:declare|typeset|local)\s+-\w*i|\(\(`,
);

/** Whether the command line holding `offset` hands text to something that reads it as code again. */
function lineReparses(command: string, offset: number): boolean {
	const start = command.lastIndexOf('\n', offset - 1) + 1;
	let end = command.indexOf('\n', offset);
	if (end === -1) end = command.length;
	return reparsingLine.test(command.slice(start, end));
}

/**
 * The shell context of each offset in `offsets` (sorted ascending) within `command`, in one pass. Models bash's
 * quoting: '…', "…", $'…', backslashes, `…`, $(…), ${…}, $((…)), ((…)), here-documents (quoted or not, <<-), and
 * marks text on a line that hands it to a shell or interpreter (bash -c, su -c, ssh, eval, | sh, python -c…) as
 * `reparsed`. Unbalanced text is read as far as it goes; offsets past a parse it cannot follow stay in the last context.
 */
export function shellContexts(command: string, offsets: number[]): Map<number, ShellContext> {
	const result = new Map<number, ShellContext>();
	const stack: Frame[] = [{kind: 'code', close: '', depth: 0}];
	const pending: Heredoc[] = [];
	let next = 0;
	let wordStart = true;
	const top = () => stack.at(-1)!;
	const record = (index: number, context: () => ShellContext) => {
		while (next < offsets.length && offsets[next]! <= index) {
			// An offset skipped over (just after a backslash) reads as the text around it.
			result.set(offsets[next]!, context());
			next++;
		}
	};

	const current = (index: number): ShellContext => {
		const reparsed = lineReparses(command, index);
		if (stack.some((frame) => frame.kind === 'arith')) return {kind: 'arith', reparsed: true};
		const frame = top();
		switch (frame.kind) {
			case 'single': {
				return {kind: 'single', reparsed};
			}

			case 'double': {
				return {kind: 'double', reparsed};
			}

			case 'ansi': {
				return {kind: 'ansi', reparsed};
			}

			case 'param': {
				return {kind: 'param', quoted: stack.at(-2)?.kind === 'double', reparsed};
			}

			default: {
				return {kind: 'code', reparsed};
			}
		}
	};

	let index = 0;
	while (index < command.length) {
		record(index, () => current(index));
		const char = command[index]!;
		const frame = top();
		if (frame.kind === 'single') {
			if (char === "'") stack.pop();
			index++;
			continue;
		}

		if (frame.kind === 'ansi') {
			if (char === '\\') index++;
			else if (char === "'") stack.pop();
			index++;
			continue;
		}

		if (char === '\\') {
			// A backslash-newline inside a word is a continuation; either way the next character is taken literally.
			index += 2;
			wordStart = false;
			continue;
		}

		if (char === '$' && command.startsWith('((', index + 1)) {
			stack.push({kind: 'arith', depth: 0});
			index += 3;
			continue;
		}

		if (char === '$' && command[index + 1] === '(') {
			stack.push({kind: 'code', close: ')', depth: 0});
			index += 2;
			wordStart = true;
			continue;
		}

		if (char === '$' && command[index + 1] === '{') {
			stack.push({kind: 'param', depth: 0});
			index += 2;
			continue;
		}

		if (char === '`') {
			if (frame.kind === 'backquote') stack.pop();
			else stack.push({kind: 'backquote'});
			index++;
			wordStart = true;
			continue;
		}

		if (frame.kind === 'arith') {
			if (char === '(') frame.depth++;
			else if (char === ')' && frame.depth > 0) frame.depth--;
			else if (char === ')' && command[index + 1] === ')') {
				stack.pop();
				index++;
			}

			index++;
			continue;
		}

		if (frame.kind === 'double') {
			if (char === '"') stack.pop();
			index++;
			continue;
		}

		// Code, a backquoted command or the word of ${…}.
		if (char === '"') {
			stack.push({kind: 'double'});
			index++;
			wordStart = false;
			continue;
		}

		if (char === "'" && (frame.kind !== 'param' || stack.at(-2)?.kind !== 'double')) {
			stack.push({kind: 'single'});
			index++;
			wordStart = false;
			continue;
		}

		if (char === '$' && command[index + 1] === "'") {
			stack.push({kind: 'ansi'});
			index += 2;
			continue;
		}

		if (frame.kind === 'param') {
			if (char === '{') frame.depth++;
			else if (char === '}' && frame.depth-- === 0) stack.pop();
			index++;
			continue;
		}

		if (char === '(' && command[index + 1] === '(' && wordStart) {
			stack.push({kind: 'arith', depth: 0});
			index += 2;
			continue;
		}

		if (frame.kind === 'code' && frame.close === ')') {
			if (char === '(') frame.depth++;
			else if (char === ')' && frame.depth-- === 0) {
				stack.pop();
				index++;
				continue;
			}
		}

		if (char === '#' && wordStart) {
			// A comment runs to the end of the line.
			const end = command.indexOf('\n', index);
			index = end === -1 ? command.length : end;
			continue;
		}

		if (command.startsWith('<<<', index)) {
			index += 3;
			continue;
		}

		if (char === '<' && command[index + 1] === '<') {
			const heredoc = readHeredocOperator(command, index);
			if (heredoc) {
				pending.push({...heredoc.heredoc, reparsed: lineReparses(command, index)});
				index = heredoc.end;
				continue;
			}
		}

		if (char === '\n' && pending.length > 0) {
			index = skipHeredocBodies(command, index + 1, pending.splice(0), record);
			wordStart = true;
			continue;
		}

		wordStart = /[\s;&|()<>]/.test(char);
		index++;
	}

	record(command.length, () => current(command.length));
	return result;
}

// `<<WORD`, `<<-WORD`, `<< 'WORD'`, `<<"WORD"`, `<<\WORD`: the delimiter and whether it was quoted.
function readHeredocOperator(command: string, index: number): {heredoc: Omit<Heredoc, 'reparsed'>; end: number} | undefined {
	const match = /^<<(-?)[ \t]*((?:'[^'\n]*'|"[^"\n]*"|\\.|[^\s;&|()<>'"\\])+)/.exec(command.slice(index, index + 300));
	if (!match) return undefined;
	const word = match[2]!;
	const literal = /['"\\]/.test(word);
	const delimiter = word.replaceAll(/'([^']*)'|"([^"]*)"|\\(.)/g, (_all, single?: string, double?: string, escaped?: string) => single ?? double ?? escaped ?? '');
	return {heredoc: {delimiter, literal, strip: match[1] === '-'}, end: index + match[0].length};
}

// Walks the bodies of the here-documents opened on the line just ended; returns the offset after the last one.
function skipHeredocBodies(command: string, start: number, heredocs: Heredoc[], record: (index: number, context: () => ShellContext) => void): number {
	let index = start;
	for (const heredoc of heredocs) {
		while (index < command.length) {
			let end = command.indexOf('\n', index);
			if (end === -1) end = command.length;
			const line = command.slice(index, end);
			const context = (): ShellContext => ({kind: 'heredoc', literal: heredoc.literal, delimiter: heredoc.delimiter, reparsed: heredoc.reparsed});
			for (let offset = index; offset <= end; offset++) record(offset, context);
			index = end + 1;
			if ((heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) break;
		}
	}

	return Math.min(index, command.length);
}
