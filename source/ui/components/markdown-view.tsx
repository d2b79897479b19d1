import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {loadMarkdownRenderer} from '../render-markdown.js';

/** A step's instructions, rendered by marked-terminal once it has loaded (plain text until then). */
export function MarkdownView({markdown, width}: {markdown: string; width: number}) {
	const [rendered, setRendered] = useState<string | undefined>();
	useEffect(() => {
		let live = true;
		loadMarkdownRenderer(width)
			.then(render => {
				if (live) setRendered(render(markdown));
			})
			.catch(() => {
				// The raw markdown stays on screen: it is readable as it is.
			});
		return () => {
			live = false;
		};
	}, [markdown, width]);
	return <Text>{rendered ?? markdown}</Text>;
}
