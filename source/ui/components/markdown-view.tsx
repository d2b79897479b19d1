import process from 'node:process';
import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {loadMarkdownRenderer} from '../render-markdown.js';
import {stepBody} from '../step-body.js';

/** A step's instructions, rendered by marked-terminal once it has loaded (plain text until then). */
export function MarkdownView({markdown: item, width, title}: {markdown: string; width: number; title?: string}) {
	const markdown = stepBody(item);
	const plain = markdown.replaceAll(/[`*_]/g, '').replaceAll(/\s+/g, ' ').trim();
	const [rendered, setRendered] = useState<string | undefined>();
	useEffect(() => {
		let live = true;
		loadMarkdownRenderer(width)
			.then(render => {
				if (live) setRendered(render(markdown));
			})
			.catch((error: unknown) => {
				// The raw markdown stays on screen: it is readable as it is. The reason only when debugging.
				if (live && process.env.TOMESH_SETUP_DEBUG) setRendered(`${markdown}\n(markdown renderer: ${String(error)})`);
			});
		return () => {
			live = false;
		};
	}, [markdown, width]);
	// A one-sentence step says nothing more than its title: show it once.
	if (title !== undefined && plain.replace(/[.:]$/, '') === title.replace(/[.:]$/, '')) return null;
	return <Text>{rendered ?? markdown}</Text>;
}
