import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {formatBytes, type PlannedAttachment} from '../../services/attachments.js';
import {toDisplayLine} from '../../text/display-text.js';
import {colorOf, theme} from '../theme.js';
import {ComposeBody} from './compose-body.js';
import {ConfirmBox} from './confirm-box.js';
import type {Flash} from './hint-line.js';
import {TextField} from './text-field.js';

type Props = {
	readonly header: ReactNode;
	readonly stage: 'edit' | 'var' | 'inline' | 'attach' | 'confirm' | 'sending';
	readonly text: string;
	/** The inline editor's cursor; null when not editing inline. */
	readonly cursor: number | null;
	readonly scroll: number;
	/** The `name=value` being typed in the var stage. */
	readonly varInput: string;
	readonly notice: Flash | null;
	/** Files attached to the message, listed under it. */
	readonly attachments: readonly PlannedAttachment[];
	/** The path being typed after `a`. */
	readonly attachInput: {readonly value: string; readonly error: string | null; readonly isReading: boolean} | null;
	readonly confirm: {readonly title: string; readonly lines: readonly string[]};
	readonly width: number;
	readonly height: number;
};

const editHint =
	'enter review & send · = var · i edit · a attach · ctrl-e $EDITOR · s status · l language · p template · D discard · esc leave';

/** The composer below its header: the text (or the confirmation), and a line of keys or news. */
export function ComposeView(props: Props) {
	const {header, stage, text, cursor, scroll, varInput, notice, attachments, attachInput, confirm, width, height} =
		props;
	if (stage === 'confirm' || stage === 'sending') {
		return (
			<Box flexDirection="column" width={width} height={height}>
				{header}
				<ConfirmBox
					title={confirm.title}
					lines={confirm.lines}
					isWorking={stage === 'sending'}
					width={Math.min(width, 80)}
				/>
			</Box>
		);
	}
	const footerHeight = (stage === 'var' || stage === 'attach' ? 4 : 2) + attachments.length;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{header}
			<Text color={theme.border}>{'─'.repeat(Math.max(0, width))}</Text>
			<ComposeBody
				text={text}
				width={width}
				height={Math.max(1, height - 4 - footerHeight)}
				scroll={scroll}
				cursor={stage === 'inline' ? cursor : null}
			/>
			{attachments.map((file) => (
				<Text key={file.path} wrap="truncate-end" color={theme.accent}>
					{`📎 ${toDisplayLine(file.fileName)} (${formatBytes(file.size)})`}
				</Text>
			))}
			{attachInput ? (
				<TextField
					label={attachInput.isReading ? 'Reading the file…' : 'Attach a file: its path (tab completes, esc back)'}
					value={attachInput.value}
					error={attachInput.error}
					width={width}
				/>
			) : stage === 'var' ? (
				<TextField label="Set a variable (name=value)" value={varInput} width={width} />
			) : (
				<Text wrap="truncate-end" color={notice ? colorOf(notice.tone) : theme.muted}>
					{notice
						? toDisplayLine(notice.text)
						: stage === 'inline'
							? 'esc done · enter new line · ←→↑↓ Home End · alt-b/f word · ctrl-w word · ctrl-u line · ctrl-z undo · ctrl-y redo'
							: editHint}
				</Text>
			)}
		</Box>
	);
}
