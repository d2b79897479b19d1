import test from 'ava';
import {stepBody} from '../../source/ui/step-body.js';

test('drops the list marker and dedents continuation lines so fenced blocks stay blocks', t => {
	t.is(stepBody('1. Create **a.txt**:\n\n\t```\n\thello\n\t```'), 'Create **a.txt**:\n\n```\nhello\n```');
	t.is(stepBody('1. Run it:\n\n    ```\n    # ls\n    ```'), 'Run it:\n\n```\n# ls\n```');
	t.is(stepBody('No marker here'), 'No marker here');
});
