import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import {messageOf} from '../../errors.js';
import {toDisplayLine} from '../../text/display-text.js';
import {type BulkItem, bulkConfirmLines, bulkItemOf, readyPlans} from '../bulk-model.js';
import {ComposeBody} from '../components/compose-body.js';
import {ConfirmBox} from '../components/confirm-box.js';
import type {Flash} from '../components/hint-line.js';
import {ListPicker} from '../components/list-picker.js';
import {flashOfBulk} from '../flash.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {applyEdit, createBuffer, editOfKey, type TextBuffer} from '../text-buffer.js';
import {theme} from '../theme.js';
import {TemplatePickScreen} from './template-pick-screen.js';

type Stage = 'pick' | 'write' | 'preview' | 'confirm' | 'sending';

type Props = {
	/** The selected tickets, in queue order. */
	readonly targets: readonly Ticket[];
	readonly isPublic: boolean;
	/** What happened (null: cancelled, nothing sent). */
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/**
 * `r`/`n` with tickets selected: one template (or one text) for all of them, rendered per ticket in its customer's
 * language, a preview to step through, a confirmation naming the count, then one journaled run with progress.
 */
export function BulkComposeScreen({targets, isPublic, onDone, width, height}: Props) {
	const services = useServices();
	// Live, as in the composer: a key before the re-render acts on what the last key did.
	const [stage, setStage, readStage] = useLiveState<Stage>('pick');
	const [template, setTemplate] = useState<string | null>(null);
	const [buffer, setBuffer, readBuffer] = useLiveState<TextBuffer>(createBuffer(''));
	const [items, setItems] = useState<readonly BulkItem[] | null>(null);
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const [scroll, setScroll, readScroll] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const shownStage = stage;
	const [done, setDone] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const what = isPublic ? 'Replies' : 'Notes';

	// Render the template for every selected ticket (each in its customer's language), or take the agent's text.
	useEffect(() => {
		if (stage !== 'preview' || items !== null) return;
		let live = true;
		const text = template === null ? buffer.text : null;
		Promise.all(
			targets.map(async (ticket) => {
				if (template === null) return bulkItemOf(ticket, {kind: 'text', body: text ?? ''}, isPublic);
				try {
					const render = await services.renderTemplate(template, ticket, {locale: null, vars: {}});
					return bulkItemOf(ticket, {kind: 'template', render}, isPublic);
				} catch (failure) {
					return bulkItemOf(ticket, {kind: 'failed', message: messageOf(failure)}, isPublic);
				}
			}),
		).then((rendered) => {
			if (live) setItems(rendered);
		});
		return () => {
			live = false;
		};
	}, [stage, items, template, buffer.text, targets, isPublic, services]);

	const send = () => {
		const plans = readyPlans(items ?? []);
		setStage('sending');
		services
			.sendBulk(plans, (_result, count) => setDone(count))
			.then(
				({results}) => leave(() => onDone(flashOfBulk(results, what))),
				(failure: unknown) => {
					setError(messageOf(failure));
					setStage('confirm');
				},
			);
	};

	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const stage = readStage();
		// The picker decides while drawn; one not drawn yet gets the key on the next frame.
		if (stage === 'pick' || shownStage === 'pick') return 'later';
		if (stage === 'sending') return;
		const [buffer, cursor, scroll] = [readBuffer(), readCursor(), readScroll()];
		if (stage === 'write') {
			const command = editOfKey(input, key);
			if (command === 'done') {
				setItems(null);
				setStage(buffer.text.trim() === '' ? 'pick' : 'preview');
			} else if (command !== null) setBuffer(applyEdit(buffer, command, Math.max(10, width)));
			return;
		}
		if (stage === 'confirm') {
			const answer = actionOf(['confirm', 'cancel'], input, key);
			if (answer === 'confirm' && readyPlans(items ?? []).length > 0) send();
			else if (answer !== undefined) setStage('preview');
			return;
		}
		const move = actionOf(['listUp', 'listDown', 'up', 'down', 'scrollDown', 'scrollUp'], input, key);
		if (move === 'listUp' || move === 'up') {
			setCursor(Math.max(0, cursor - 1));
			setScroll(0);
		} else if (move === 'listDown' || move === 'down') {
			setCursor(Math.min(targets.length - 1, cursor + 1));
			setScroll(0);
		} else if (input === 'J') setScroll(scroll + 1);
		else if (input === 'K') setScroll(Math.max(0, scroll - 1));
		else if (key.return && items !== null) setStage('confirm');
		else if (key.escape) {
			setItems(null);
			setStage(template === null ? 'write' : 'pick');
		}
	});

	const noun = `${isPublic ? 'reply' : 'note'} to ${targets.length} selected tickets`;
	if (stage === 'pick')
		return (
			<TemplatePickScreen
				title={`${isPublic ? 'Reply' : 'Note'} to the ${targets.length} selected`}
				forNote={!isPublic}
				ticket={targets[0]}
				onPick={(name) => {
					setTemplate(name);
					setItems(null);
					setStage(name === null ? 'write' : 'preview');
				}}
				onCancel={() => leave(() => onDone(null))}
				width={width}
				height={height}
			/>
		);
	if (stage === 'write')
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text bold wrap="truncate-end">
					{`One ${noun}: write it (esc when done, then a preview per ticket)`}
				</Text>
				<ComposeBody text={buffer.text} cursor={buffer.cursor} scroll={0} width={width} height={height - 1} />
			</Box>
		);
	if (items === null) return <Text color={theme.muted}>Rendering the {noun}…</Text>;
	if (stage === 'confirm' || stage === 'sending') {
		const {title, lines} = bulkConfirmLines(items, isPublic);
		return (
			<Box flexDirection="column" width={width}>
				<ConfirmBox
					title={title}
					lines={stage === 'sending' ? [...lines, `Sending ${done} of ${readyPlans(items).length}…`] : lines}
					isWorking={stage === 'sending'}
					width={Math.min(width, 76)}
				/>
				{error ? <Text color={theme.danger}>{toDisplayLine(error)}</Text> : null}
			</Box>
		);
	}
	// The preview: the tickets with what each gets, and the message of the one under the cursor.
	const listHeight = Math.min(targets.length, Math.max(3, Math.floor((height - 2) / 3)));
	const current = items[cursor];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ListPicker
				title={`Preview: ${items.length} ${isPublic ? 'replies, each as its customer gets it' : 'notes, each as its ticket gets it'} (↑↓ step · J/K scroll · enter confirm · esc back)`}
				items={items.map((item) => ({key: item.ticket.id, label: item.label, hint: item.hint}))}
				cursor={cursor}
				query={null}
				width={width}
				height={listHeight + 1}
			/>
			<Text color={current?.plan ? theme.accent : theme.danger} wrap="truncate-end">
				{toDisplayLine(current?.header ?? '')}
			</Text>
			<ComposeBody
				text={current?.body ?? ''}
				cursor={null}
				scroll={scroll}
				width={width}
				height={Math.max(1, height - listHeight - 2)}
			/>
		</Box>
	);
}
