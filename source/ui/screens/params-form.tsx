import {Box, Text, type DOMElement} from 'ink';
import {useRef, useState} from 'react';
import {defaultValue} from '../../domain/params/parameters.js';
import {isSecretParameter, secretMask} from '../../domain/secrets.js';
import type {Parameter} from '../../domain/types.js';
import type {Controller} from '../../engine/controller-types.js';
import {KeyFooter} from '../components/key-footer.js';
import {ScreenFrame} from '../components/screen-frame.js';
import {TextField} from '../components/text-field.js';
import {useKeys} from '../hooks/use-keys.js';
import {parameterProblem} from '../param-validation.js';

/** Props of the settings form. */
export interface ParamsFormProps {
	controller: Controller;
	/** The parameters asked (those a procedure needs before its first step, or all those in scope). */
	parameters: Parameter[];
	/** What the values are for ("Install Synapse Homeserver uses these values"). */
	purpose?: string;
	/** Called with the names whose value changed, once saved. */
	onDone: (changed: string[]) => void;
	onQuit: () => void;
}

/** Parameters with their defaults, validated as typed; Enter on the last one saves them all. */
export function ParamsForm({controller, parameters, purpose, onDone, onQuit}: ParamsFormProps) {
	const [initial] = useState(() => controller.values());
	// A derived default follows what it is derived from (matrix.{domain} follows the domain) until the operator types
	// in it; a value that equals its derivation is still following.
	const [following, setFollowing] = useState(() => new Set(parameters.filter(p => p.derive && initial[p.name] === defaultValue(p, initial)).map(p => p.name)));
	const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(parameters.map(p => [p.name, initial[p.name] ?? defaultValue(p, initial) ?? ''])));
	const withDerived = (given: Record<string, string>) => {
		const all = {...initial, ...given};
		for (const p of controller.parameters) {
			if (following.has(p.name)) all[p.name] = defaultValue(p, all) ?? '';
		}

		return Object.fromEntries(parameters.map(p => [p.name, all[p.name] ?? '']));
	};

	const values = withDerived(typed);
	const [index, setIndex] = useState(0);
	// The field as keys see it: a burst of keys in one read (Enter, Enter, Enter over a slow SSH link) moves through the
	// fields before the form draws again, and the form saves once.
	const at = useRef(0);
	const saved = useRef(false);
	const latest = useRef(typed);
	const move = (next: number) => {
		at.current = next;
		setIndex(next);
	};

	const focused = useRef<DOMElement>(null);
	const [saveError, setSaveError] = useState<string | undefined>();
	// A secret is typed without echo: `*` on screen, and never repeated in a message ("got '…'").
	const secret = new Set(parameters.filter(p => isSecretParameter(p)).map(p => p.name));
	const hide = (text: string) => [...secret].reduce((shown, name) => (values[name] ? shown.replaceAll(values[name], secretMask) : shown), text);
	const problems = Object.fromEntries(parameters.map(p => [p.name, parameterProblem(p.type, values[p.name] ?? '')]));
	useKeys((input, key) => {
		if (key.upArrow) move(Math.max(0, at.current - 1));
		if (key.downArrow || key.tab) move(Math.min(parameters.length - 1, at.current + 1));
		if (key.escape) onQuit();
	});
	const submit = (field: number, typedValue: string) => {
		if (saved.current) return;
		const current = parameters[at.current]!;
		// The field's own value: a burst of keys ending in Enter may arrive before this form re-rendered. A later Enter
		// of the same burst reaches the field already left: it is Enter on the field the form is at, as it stands.
		const typedNow = latest.current;
		const all = withDerived({...typedNow, [current.name]: field === at.current ? typedValue : (typedNow[current.name] ?? '')});
		const problemOf = (name: string) => parameterProblem(parameters.find(p => p.name === name)!.type, all[name] ?? '');
		if (problemOf(current.name)) return;
		const firstBad = parameters.findIndex(p => problemOf(p.name));
		if (at.current < parameters.length - 1) {
			move(at.current + 1);
			return;
		}

		if (firstBad >= 0) {
			move(firstBad);
			return;
		}

		try {
			controller.setValues(all);
			saved.current = true;
			onDone(parameters.filter(p => all[p.name] !== initial[p.name]).map(p => p.name));
		} catch (error) {
			setSaveError(hide(error instanceof Error ? error.message : String(error)));
		}
	};

	const header = (
		<>
			<Text bold>This server's settings</Text>
			<Text dimColor>{purpose ?? 'The documents use these values'}; change them to yours. They are saved with the progress.</Text>
		</>
	);
	const footer = (scrolls: boolean) => (
		<>
			{saveError ? <Text color="red">✖ {saveError}</Text> : null}
			<KeyFooter
				keys={[
					{key: 'Enter', label: index === parameters.length - 1 ? 'save and continue' : 'next'},
					{key: '↑↓', label: 'move'},
					...(scrolls ? [{key: 'PgUp PgDn', label: 'scroll'}] : []),
					{key: 'Esc', label: 'quit'},
				]}
			/>
		</>
	);
	// Taller than the terminal: the view follows the focused field.
	return (
		<ScreenFrame header={header} footer={footer} keys="pages" reveal={focused} revealKey={index}>
			{parameters.map((p, i) => (
				<Box key={p.name} ref={i === index ? focused : undefined} flexDirection="column" marginTop={1}>
					<Text bold={i === index}>
						{i === index ? '❯ ' : '  '}
						{p.prompt ?? p.name} <Text dimColor>({p.type})</Text>
					</Text>
					<Box paddingLeft={4}>
						{i === index ? (
							<TextField
								focus
								hidden={secret.has(p.name)}
								value={values[p.name] ?? ''}
								onChange={value => {
									setSaveError(undefined);
									if (following.has(p.name) && value !== values[p.name]) setFollowing(f => new Set([...f].filter(name => name !== p.name)));
									latest.current = {...latest.current, [p.name]: value};
									setTyped(latest.current);
								}}
								onSubmit={value => submit(i, value)}
							/>
						) : (
							<Text>{(secret.has(p.name) ? '*'.repeat([...(values[p.name] ?? '')].length) : values[p.name]) || ' '}</Text>
						)}
					</Box>
					{problems[p.name] ? <Text color="red">{`    ✖ ${hide(problems[p.name]!)}`}</Text> : null}
				</Box>
			))}
		</ScreenFrame>
	);
}
