import {useApp} from 'ink';
import {useState} from 'react';
import {messageOf} from '../../errors.js';
import type {KnowledgeArticle} from '../../providers/help-desk.js';
import type {DeliveryResult} from '../../services/delivery.js';
import {toDisplayLine} from '../../text/display-text.js';
import {bodyLines, bodyWidth} from '../components/compose-body.js';
import {ComposeHeader} from '../components/compose-header.js';
import {ComposeView} from '../components/compose-view.js';
import type {Flash} from '../components/hint-line.js';
import {ListPicker} from '../components/list-picker.js';
import {findArticles, withArticleLink} from '../compose-articles.js';
import {
	composeChanges,
	composeText,
	confirmLines,
	nextLocale,
	nextStatusChoice,
	parseVarAssignment,
	type StatusChoice,
	tuiReason,
} from '../compose-model.js';
import {flashOfDelivery} from '../flash.js';
import {handleTimeSec} from '../format.js';
import {useAttachments} from '../hooks/use-attachments.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {useTemplateRender} from '../hooks/use-template-render.js';
import {useTemplates} from '../hooks/use-templates.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {messagePlan} from '../plans.js';
import {type Draft, useServices} from '../services.js';
import {applyEdit, createBuffer, editOfKey, type TextBuffer} from '../text-buffer.js';
import {applyKey} from '../text-editing.js';
import type {ComposeProps as Props} from './compose-screen.js';
import {TemplatePickScreen} from './template-pick-screen.js';

type Stage = 'pick' | 'edit' | 'var' | 'inline' | 'attach' | 'article' | 'articles' | 'confirm' | 'sending';

const editKeys = [
	'send',
	'setVar',
	'editInline',
	'editExternal',
	'cycleStatus',
	'cycleLocale',
	'insertArticle',
	'changeTemplate',
	'attachFile',
	'removeFile',
	'discardDraft',
	'scrollDown',
	'scrollUp',
	'threadPageDown',
	'threadPageUp',
	'back',
	'quit',
] as const;

/**
 * The composer proper: template picker, live preview for this ticket, variables, editing, status to set, confirmation,
 * send. Starts from the kept draft when there is one.
 */
export function Composer({
	ticket,
	isPublic,
	openedAtMs,
	draft,
	onDone,
	width,
	height,
}: Props & {readonly draft: Draft | null}) {
	const services = useServices();
	const {suspendTerminal} = useApp();
	const templates = useTemplates().state;
	// What keys change is live (read back before the next frame): typing fast into the editor loses nothing.
	const [stage, setStage, readStage] = useLiveState<Stage>(draft === null ? 'pick' : 'edit');
	const [template, setTemplate] = useState<string | null>(draft?.template ?? null);
	const [locale, setLocale, readLocale] = useLiveState<string | null>(null);
	const [vars, setVars, readVars] = useLiveState<Readonly<Record<string, string>>>({});
	const [edited, setEdited, readEdited] = useLiveState<string | null>(draft?.body ?? null);
	const [asPublic] = useState(draft?.isPublic ?? isPublic);
	const [statusChoice, setStatusChoice, readStatusChoice] = useLiveState<StatusChoice>('template');
	const [input, setInput, readInput] = useLiveState('');
	const [scroll, setScroll, readScroll] = useLiveState(0);
	const [buffer, setBuffer, readBuffer] = useLiveState<TextBuffer | null>(null);
	const [articles, setArticles] = useState<readonly KnowledgeArticle[]>([]);
	const [articleCursor, setArticleCursor, readArticleCursor] = useLiveState(0);
	const {leave: handOver, hasLeft} = useLeaving();
	const attach = useAttachments();
	const shownStage = stage;
	const [notice, setNotice] = useState<Flash | null>(
		draft === null
			? null
			: {text: `Your draft ${draft.isPublic ? 'reply' : 'note'} is back (D discards it).`, tone: 'accent'},
	);
	const render = useTemplateRender(template, ticket, locale, vars).state;
	const rendered = template !== null && render.kind === 'ready' ? render.value : null;
	const text = composeText(edited, template === null ? null : render);
	const sendsPublic = asPublic && !(rendered?.kind === 'rendered' && rendered.internal);
	const changes = composeChanges(rendered, statusChoice);
	const what = sendsPublic ? 'Reply' : 'Internal note';

	const persist = (body: string) => {
		if (body.trim() === '') return;
		void services.saveDraft({ticketId: ticket.id, isPublic: sendsPublic, body, template}).catch(() => {});
	};
	const done: typeof onDone = (outcome) => handOver(() => onDone(outcome));
	const leave = (flash: Flash | null) => done({flash, sent: false, reloadThread: false});

	const send = (text: ReturnType<typeof composeText>) => {
		if (text.kind !== 'ready') return;
		setStage('sending');
		const plan = messagePlan({
			ticket,
			isPublic: sendsPublic,
			body: text.text,
			template,
			changes,
			durationSec: handleTimeSec(openedAtMs, services.now()),
			attachments: attach.readFiles(),
		});
		const finish = (result: DeliveryResult) => {
			if (result.result === 'failed') {
				persist(text.text);
				done({
					flash: {
						text: `Not sent: ${tuiReason(result.reason ?? 'unknown error')}. Read it, r to resend (draft kept).`,
						tone: 'danger',
					},
					sent: false,
					reloadThread: true,
				});
				return;
			}
			void services.discardDraft(ticket.id).catch(() => {});
			done({flash: flashOfDelivery(result, what), sent: true, reloadThread: true});
		};
		services
			.sendMessage(plan)
			.then(finish, (error: unknown) => finish({ticketId: ticket.id, result: 'failed', reason: messageOf(error)}));
	};

	const openEditor = async () => {
		let result = text.text;
		try {
			await suspendTerminal(async () => {
				result = await services.editText(text.text, `csr-${ticket.id}.md`);
			});
			setEdited(result);
			persist(result);
		} catch (error) {
			setNotice({text: messageOf(error), tone: 'danger'});
		}
	};

	const searchArticles = (query: string) => {
		setStage('articles');
		setArticles([]);
		setArticleCursor(0);
		const locale = rendered && rendered.kind !== 'invalid' ? rendered.locale : null;
		void findArticles(services.searchArticles, query, locale).then((found) => {
			if ('articles' in found) return setArticles(found.articles);
			setNotice(found.notice);
			setStage('edit');
		});
	};

	const insertArticle = (article: KnowledgeArticle) => {
		const body = withArticleLink(composeText(readEdited(), template === null ? null : render).text, article);
		setEdited(body);
		persist(body);
		setNotice({text: 'Article link added at the end.', tone: 'accent'});
		setStage('edit');
	};

	useKeys((typed, key) => {
		if (hasLeft()) return 'later';
		const stage = readStage();
		// The picker's keys are the picker's: it decides while drawn (this key may be the one it picks with), and one
		// not drawn yet gets them on the next frame.
		if (stage === 'pick' || shownStage === 'pick') return 'later';
		if (stage === 'sending') return;
		const [input, buffer, edited, scroll, articleCursor] = [
			readInput(),
			readBuffer(),
			readEdited(),
			readScroll(),
			readArticleCursor(),
		];
		const text = composeText(edited, template === null ? null : render);
		if (stage === 'articles') {
			const move = actionOf(['listUp', 'listDown', 'confirm', 'cancel'], typed, key);
			if (move === 'listUp') setArticleCursor(Math.max(0, articleCursor - 1));
			else if (move === 'listDown') setArticleCursor(Math.min(articles.length - 1, articleCursor + 1));
			else if (move === 'confirm' && articles[articleCursor]) insertArticle(articles[articleCursor]);
			else if (move === 'cancel') setStage('edit');
			return;
		}
		if (stage === 'article') {
			const edit = applyKey(input, typed, key, false);
			setInput(edit.value);
			if (edit.done === 'cancel') setStage('edit');
			if (edit.done === 'submit' && edit.value.trim() !== '') searchArticles(edit.value.trim());
			return;
		}
		if (stage === 'confirm') {
			const answer = actionOf(['confirm', 'cancel'], typed, key);
			if (answer === 'confirm') send(text);
			else if (answer === 'cancel') setStage('edit');
			return;
		}
		if (stage === 'inline') {
			const current = buffer ?? createBuffer(edited ?? '');
			const command = editOfKey(typed, key);
			if (command === 'done') {
				setStage('edit');
				persist(current.text);
			} else if (command !== null) {
				const next = applyEdit(current, command, bodyWidth(width));
				setBuffer(next);
				setEdited(next.text);
			}
			return;
		}
		if (stage === 'attach')
			return attach.onKey(typed, key, (flash) => {
				if (flash) setNotice(flash);
				setStage('edit');
			});
		if (stage === 'var') {
			const edit = applyKey(input, typed, key, false);
			setInput(edit.value);
			if (edit.done === 'cancel') setStage('edit');
			if (edit.done === 'submit') {
				const assignment = parseVarAssignment(edit.value);
				if (assignment === null) return setNotice({text: 'Write it as name=value.', tone: 'danger'});
				setVars({...readVars(), [assignment.name]: assignment.value});
				setNotice(edited === null ? null : {text: 'Vars change the template, not your edited text.', tone: 'warning'});
				setStage('edit');
			}
			return;
		}
		const pageSize = Math.max(1, height - 6);
		const maxScroll = Math.max(0, bodyLines(text.text, width).length - pageSize);
		switch (actionOf(editKeys, typed, key)) {
			case 'send':
				if (text.kind === 'ready') setStage('confirm');
				else setNotice({text: `Cannot send yet: ${text.reason}`, tone: 'danger'});
				return;
			case 'setVar':
				setInput(text.kind === 'blocked' && text.missing[0] ? `${text.missing[0]}=` : '');
				setStage('var');
				return;
			case 'editInline':
				setEdited(text.text);
				setBuffer(createBuffer(text.text));
				setStage('inline');
				return;
			case 'editExternal':
				void openEditor();
				return;
			case 'cycleStatus':
				setStatusChoice(nextStatusChoice(readStatusChoice()));
				return;
			case 'cycleLocale': {
				const entry = templates.kind === 'ready' ? templates.value.find((item) => item.name === template) : undefined;
				setLocale(nextLocale(readLocale(), entry?.locales ?? []));
				return;
			}
			case 'insertArticle':
				// Say it at once on a desk without a help center, not after the agent typed words to search.
				services.hasHelpCenter().then(
					(has) => {
						if (has) {
							setInput('');
							setStage('article');
						} else setNotice({text: 'This desk has no help center: there are no articles to link.', tone: 'warning'});
					},
					(error: unknown) => setNotice({text: messageOf(error), tone: 'danger'}),
				);
				return;
			case 'changeTemplate':
				setStage('pick');
				return;
			case 'attachFile':
				attach.start();
				setStage('attach');
				return;
			case 'removeFile': {
				const name = attach.removeLast();
				setNotice({text: name === null ? 'No file is attached.' : `Took ${name} off.`, tone: 'muted'});
				return;
			}
			case 'discardDraft':
				void services.discardDraft(ticket.id).catch(() => {});
				leave({text: `Draft for #${ticket.id} discarded.`, tone: 'muted'});
				return;
			case 'scrollDown':
			case 'threadPageDown':
				setScroll(Math.min(maxScroll, scroll + (key.pageDown ? pageSize : 1)));
				return;
			case 'scrollUp':
			case 'threadPageUp':
				setScroll(Math.max(0, scroll - (key.pageUp ? pageSize : 1)));
				return;
			case 'back':
			case 'quit':
				persist(text.text);
				leave(text.text.trim() === '' ? null : {text: `Draft for #${ticket.id} kept: r to continue.`, tone: 'muted'});
				return;
		}
	});

	if (stage === 'article' || stage === 'articles') {
		return (
			<ListPicker
				title={
					stage === 'article'
						? 'Insert a help-center article: type words, enter to search, esc to go back'
						: 'Pick an article (↑↓ · enter inserts the link · esc)'
				}
				items={articles.map((article) => ({
					key: article.id,
					label: toDisplayLine(article.title),
					hint: toDisplayLine(article.url ?? article.snippet ?? ''),
				}))}
				cursor={articleCursor}
				query={stage === 'article' ? input : null}
				width={width}
				height={height}
			/>
		);
	}
	if (stage === 'pick') {
		return (
			<TemplatePickScreen
				title={`${asPublic ? 'Reply' : 'Note'} to #${ticket.id}`}
				forNote={!asPublic}
				ticket={ticket}
				onPick={(name) => {
					setTemplate(name);
					setLocale(null);
					setEdited(name === null ? '' : null);
					setBuffer(name === null ? createBuffer('') : null);
					setStage(name === null ? 'inline' : 'edit');
				}}
				onCancel={() => (template === null && edited === null ? leave(null) : setStage('edit'))}
				width={width}
				height={height}
			/>
		);
	}
	return (
		<ComposeView
			header={
				<ComposeHeader
					ticket={ticket}
					isPublic={sendsPublic}
					template={template}
					locale={rendered && rendered.kind !== 'invalid' ? rendered.locale : null}
					statusChoice={statusChoice}
					status={changes?.status ?? null}
					vars={vars}
					text={text}
					isEdited={edited !== null}
					width={width}
				/>
			}
			stage={stage}
			text={text.text}
			cursor={stage === 'inline' ? (buffer?.cursor ?? text.text.length) : null}
			scroll={scroll}
			varInput={input}
			attachments={attach.files}
			attachInput={stage === 'attach' ? {value: attach.path, error: attach.error, isReading: attach.isReading} : null}
			notice={notice}
			confirm={{
				title: `Send this ${what.toLowerCase()}?`,
				lines: confirmLines({
					what,
					ticket,
					template,
					locale: rendered && rendered.kind !== 'invalid' ? rendered.locale : null,
					text: text.text,
					status: changes?.status ?? null,
					files: attach.files,
				}),
			}}
			width={width}
			height={height}
		/>
	);
}
