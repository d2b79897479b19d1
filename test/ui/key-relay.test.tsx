import test from 'ava';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {KeyRelay} from '../../source/ui/hooks/key-relay.js';
import {useKeys} from '../../source/ui/hooks/use-keys.js';
import {waitForFrame} from '../helpers/wait-for.js';

// Two screens: `a` on the first shows the second, which counts the `b`s it hears.
function First({onNext}: {onNext: () => void}) {
	useKeys(input => {
		if (input === 'a') onNext();
	});
	return <Text>first</Text>;
}

function Second() {
	const [heard, setHeard] = useState(0);
	useKeys(input => {
		if (input === 'b') setHeard(n => n + 1);
	});
	return <Text>second heard {heard}</Text>;
}

function Screens() {
	const [second, setSecond] = useState(false);
	return second ? <Second /> : <First onNext={() => setSecond(true)} />;
}

test('a key typed as soon as a screen is drawn reaches that screen', async t => {
	const {lastFrame, stdin, unmount} = render(
		<KeyRelay>
			<Screens />
		</KeyRelay>,
	);
	await waitForFrame(lastFrame, 'first');
	stdin.write('a');
	// The moment the second screen is drawn, a key: it listens from the commit that drew it.
	await new Promise<void>(resolve => {
		const check = () => {
			if (lastFrame()?.includes('second heard 0')) {
				stdin.write('b');
				resolve();
			} else setImmediate(check);
		};

		check();
	});
	const frame = await waitForFrame(lastFrame, 'second heard 1');
	t.regex(frame, /second heard 1/);
	unmount();
});
