import {metricDefinitions} from '../../kpi/definitions.js';
import type {DurationStats, StatsGroup, StatsReport} from '../../kpi/report.js';
import type {TeamMember} from '../../kpi/team.js';
import type {ReportData} from '../../services/report.js';
import {escapeHtml} from '../../text/html.js';
import {reportCharts} from './html-report-charts.js';
import {formatMinutes} from './minutes.js';

/**
 * `csr report --html`: one self-contained HTML page (inline CSS and SVG, no script, a Content-Security-Policy that
 * forbids every fetch), so it opens offline and can be mailed around. Every number shown carries its JSON path and
 * raw value (`data-kpi`, `data-value`) so tests can check it against `csr stats --json`.
 */

const styles = `
*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#111827;background:#f3f4f6}
header{background:#1f2937;color:#f9fafb;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#d1d5db}main{padding:16px 32px 48px;max-width:1600px}
h2{font-size:17px;margin:28px 0 10px}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0002}
.card .label{color:#6b7280;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:26px;font-weight:600;margin:2px 0}.card .detail{color:#4b5563;font-size:12px}
.charts{display:grid;grid-template-columns:1fr;gap:12px}
figure{background:#fff;border-radius:8px;margin:0;padding:10px;box-shadow:0 1px 2px #0002}
figcaption{font-weight:600;margin:0 0 6px}figure svg{display:block;width:100%;height:auto}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px #0002}
th,td{padding:6px 10px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:28ch}th{background:#f9fafb;white-space:normal;vertical-align:bottom}
dl{background:#fff;padding:12px 16px;border-radius:8px}dt{font-weight:600;margin-top:8px}dd{margin:2px 0 0 0;color:#374151}
.note{color:#6b7280;font-size:12px}`;

const count = (n: number) => n.toLocaleString('en-US');
const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
const signed = (score: number | null) => (score === null ? '–' : `${score > 0 ? '+' : ''}${score.toFixed(1)}`);

/** A number with its JSON path and raw value; the text is what a reader sees. */
function kpi(path: string, value: number | null, text: string): string {
	return `<span data-kpi="${escapeHtml(path)}" data-value="${value === null ? 'null' : String(value)}">${escapeHtml(text)}</span>`;
}

function card(label: string, value: string, detail = ''): string {
	return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${value}</div><div class="detail">${detail}</div></div>`;
}

function durationCard(label: string, path: string, stats: DurationStats): string {
	const detail = `mean ${kpi(`${path}.mean`, stats.mean, formatMinutes(stats.mean))} · p90 ${kpi(`${path}.p90`, stats.p90, formatMinutes(stats.p90))} · ${kpi(`${path}.count`, stats.count, count(stats.count))} tickets`;
	return card(label, kpi(`${path}.median`, stats.median, formatMinutes(stats.median)), `median; ${detail}`);
}

function cards(report: StatsReport): string {
	const {tickets, backlog, csat, nps, ces} = report;
	const parts = [
		card('Created', kpi('tickets.created', tickets.created, count(tickets.created))),
		card(
			'Solved',
			kpi('tickets.solved', tickets.solved, count(tickets.solved)),
			`${kpi('tickets.reopened', tickets.reopened, count(tickets.reopened))} reopened`,
		),
		card(
			'Backlog now',
			kpi('backlog.open', backlog.open, count(backlog.open)),
			`open · ${kpi('backlog.pending', backlog.pending, count(backlog.pending))} pending · ${kpi('backlog.onHold', backlog.onHold, count(backlog.onHold))} on hold`,
		),
		durationCard('First reply', 'firstReplyMinutes', report.firstReplyMinutes),
		...(report.firstReplyBusinessMinutes
			? [durationCard('First reply, business hours', 'firstReplyBusinessMinutes', report.firstReplyBusinessMinutes)]
			: []),
		durationCard('Resolution', 'resolutionMinutes', report.resolutionMinutes),
		...(report.resolutionBusinessMinutes
			? [durationCard('Resolution, business hours', 'resolutionBusinessMinutes', report.resolutionBusinessMinutes)]
			: []),
		...waitCards(report),
		card('One-touch', kpi('oneTouchRate', report.oneTouchRate, percent(report.oneTouchRate))),
		card('Reopen rate', kpi('reopenRate', report.reopenRate, percent(report.reopenRate))),
		card(
			'SLA breach rate (desk)',
			kpi('slaBreachRate', report.slaBreachRate, percent(report.slaBreachRate)),
			"the desk's own SLA verdict",
		),
		...csrSlaCards(report),
		card(
			'CSAT',
			kpi('csat.score', csat.score, percent(csat.score)),
			`${kpi('csat.good', csat.good, count(csat.good))} good · ${kpi('csat.bad', csat.bad, count(csat.bad))} bad`,
		),
		card(
			'NPS',
			nps === null ? kpi('nps', null, '–') : kpi('nps.score', nps.score, signed(nps.score)),
			nps === null
				? 'no answers'
				: `${kpi('nps.promoters', nps.promoters, count(nps.promoters))} promoters · ${kpi('nps.passives', nps.passives, count(nps.passives))} passives · ${kpi('nps.detractors', nps.detractors, count(nps.detractors))} detractors`,
		),
		card(
			'CES',
			ces === null ? kpi('ces', null, '–') : kpi('ces.mean', ces.mean, ces.mean === null ? '–' : ces.mean.toFixed(2)),
			ces === null
				? 'no answers'
				: `mean on ${ces.scale.min}–${ces.scale.max} of ${kpi('ces.count', ces.count, count(ces.count))} answers · easy (≥ ${ces.scale.easyMin}) ${kpi('ces.easyShare', ces.easyShare, percent(ces.easyShare))}`,
		),
	];
	return `<section class="cards">${parts.join('')}</section>`;
}

/** Next reply and requester wait, calendar and business minutes, when the report has them. */
function waitCards(report: StatsReport): string[] {
	const entries: [string, string, DurationStats | undefined][] = [
		['Next reply', 'nextReplyMinutes', report.nextReplyMinutes],
		['Next reply, business hours', 'nextReplyBusinessMinutes', report.nextReplyBusinessMinutes],
		['Requester wait', 'requesterWaitMinutes', report.requesterWaitMinutes],
		['Requester wait, business hours', 'requesterWaitBusinessMinutes', report.requesterWaitBusinessMinutes],
	];
	return entries.flatMap(([label, path, stats]) => (stats === undefined ? [] : [durationCard(label, path, stats)]));
}

/** "SLA breach (csr targets)": csr's own targets, business and calendar; says so when none are set. */
function csrSlaCards(report: StatsReport): string[] {
	const sla = report.slaBreachCsr;
	if (sla === undefined) return [];
	if (sla === null) {
		return [
			card(
				'SLA breach (csr targets)',
				kpi('slaBreachCsr', null, '–'),
				'no targets set: csr config set sla.firstReply …',
			),
		];
	}
	const clocks = [
		['business hours', 'business', sla.business],
		['calendar', 'calendar', sla.calendar],
	] as const;
	return clocks.flatMap(([name, key, stats]) => {
		if (stats === null) return [];
		const path = `slaBreachCsr.${key}`;
		const detail = `${kpi(`${path}.breached`, stats.breached, count(stats.breached))} breached · ${kpi(`${path}.met`, stats.met, count(stats.met))} met · first reply ${kpi(`${path}.firstReply.rate`, stats.firstReply.rate, percent(stats.firstReply.rate))} · resolution ${kpi(`${path}.resolution.rate`, stats.resolution.rate, percent(stats.resolution.rate))}`;
		return [card(`SLA breach (csr targets), ${name}`, kpi(`${path}.rate`, stats.rate, percent(stats.rate)), detail)];
	});
}

/** Which clock of csr's SLA targets the group tables show: business when measured, calendar otherwise, null without targets. */
function slaClockOf(groups: readonly StatsGroup[]): 'business' | 'calendar' | null {
	const sla = groups.find((group) => group.slaBreachCsr != null)?.slaBreachCsr;
	if (sla === null || sla === undefined) return null;
	return sla.business === null ? 'calendar' : 'business';
}

function groupTable(title: string, dimension: string, groups: readonly StatsGroup[]): string {
	if (groups.length === 0) return `<h2>${escapeHtml(title)}</h2><p class="note">No data in the window.</p>`;
	const head = [
		title.replace(/^Per /, ''),
		'Created',
		'Solved',
		'First reply (median)',
		'Resolution (median)',
		'One-touch',
		'CSAT',
		'Ratings (good/bad)',
		'NPS',
		'CES',
	];
	// csr's SLA targets per row, when set: in business hours where the profile has them, else on the clock.
	const clock = slaClockOf(groups);
	if (clock !== null) head.push(`SLA breach (csr, ${clock === 'business' ? 'business' : 'calendar'})`);
	const rows = groups.map((group) => {
		const cell = (path: string, value: number | null, text: string) => `<td>${kpi(path, value, text)}</td>`;
		const sla = clock === null ? null : (group.slaBreachCsr?.[clock] ?? null);
		return `<tr data-by="${escapeHtml(dimension)}" data-key="${escapeHtml(group.key)}"><td>${escapeHtml(group.key)}</td>${[
			cell('tickets.created', group.tickets.created, count(group.tickets.created)),
			cell('tickets.solved', group.tickets.solved, count(group.tickets.solved)),
			cell('firstReplyMinutes.median', group.firstReplyMinutes.median, formatMinutes(group.firstReplyMinutes.median)),
			cell('resolutionMinutes.median', group.resolutionMinutes.median, formatMinutes(group.resolutionMinutes.median)),
			cell('oneTouchRate', group.oneTouchRate, percent(group.oneTouchRate)),
			cell('csat.score', group.csat.score, percent(group.csat.score)),
			`<td>${kpi('csat.good', group.csat.good, count(group.csat.good))} / ${kpi('csat.bad', group.csat.bad, count(group.csat.bad))}</td>`,
			cell('nps.score', group.nps?.score ?? null, signed(group.nps?.score ?? null)),
			cell('ces.mean', group.ces?.mean ?? null, group.ces?.mean == null ? '–' : group.ces.mean.toFixed(2)),
			...(clock === null
				? []
				: [
						`<td>${kpi(`slaBreachCsr.${clock}.rate`, sla?.rate ?? null, percent(sla?.rate ?? null))} <span class="note">(${count(sla?.breached ?? 0)} of ${count((sla?.breached ?? 0) + (sla?.met ?? 0))})</span></td>`,
					]),
		].join('')}</tr>`;
	});
	return `<h2>${escapeHtml(title)}</h2><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Per agent from the desk's threads and events (`team`): who replied, who solved. */
function teamTable(team: readonly TeamMember[] | undefined): string {
	if (team === undefined) {
		return '<h2>Team (from the desk)</h2><p class="note">This desk does not export who replied and who solved.</p>';
	}
	const head = [
		'Agent',
		'Replies',
		'Solved',
		'First reply (median)',
		'Resolution (median)',
		'One-touch',
		'CSAT',
		'Ratings (good/bad)',
	];
	const rows = team.map((member) => {
		const cell = (path: string, value: number | null, text: string) => `<td>${kpi(path, value, text)}</td>`;
		return `<tr data-by="team" data-key="${escapeHtml(member.agent)}"><td>${escapeHtml(member.agent)}</td>${[
			cell('replies', member.replies, count(member.replies)),
			cell('solved', member.solved, count(member.solved)),
			cell('firstReplyMinutes.median', member.firstReplyMinutes.median, formatMinutes(member.firstReplyMinutes.median)),
			cell('resolutionMinutes.median', member.resolutionMinutes.median, formatMinutes(member.resolutionMinutes.median)),
			cell('oneTouchRate', member.oneTouchRate, percent(member.oneTouchRate)),
			cell('csat.score', member.csat.score, percent(member.csat.score)),
			`<td>${kpi('csat.good', member.csat.good, count(member.csat.good))} / ${kpi('csat.bad', member.csat.bad, count(member.csat.bad))}</td>`,
		].join('')}</tr>`;
	});
	return `<h2>Team (from the desk)</h2><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function definitions(): string {
	const entries = Object.entries(metricDefinitions).map(
		([name, text]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(text)}</dd>`,
	);
	return `<h2>Definitions</h2><dl>${entries.join('')}<dt>backlog per day</dt><dd>${escapeHtml(
		'Unsolved tickets at the end of each UTC day, from the cache: a ticket solved or closed now was open from its creation to its last solve; a ticket unsolved now counts as open since its creation.',
	)}</dd></dl><p class="note">Full definitions: docs/KPIS.md in the csr repository.</p>`;
}

/** The whole page. */
export async function renderHtmlReport(data: ReportData): Promise<string> {
	const {report} = data.overall;
	const charts = await reportCharts(data);
	const figures = charts.map(
		(chart) =>
			`<figure data-chart="${escapeHtml(chart.id)}"><figcaption>${escapeHtml(chart.title)}</figcaption>${chart.svg}</figure>`,
	);
	const subtitle = `Profile ${data.profile} · ${report.window.since} → ${report.window.until} (UTC, until excluded) · generated ${data.generatedAt}`;
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`csr KPI report: ${data.profile}`)}</title><style>${styles}</style></head>
<body><header><h1>Customer service KPIs</h1><p>${escapeHtml(subtitle)}</p></header><main>
<h2>Key figures</h2>${cards(report)}
<h2>Trends and distributions</h2><section class="charts">${figures.join('\n')}</section>
${teamTable(report.team)}
${groupTable('Per assignee', 'agent', data.byAgent)}
${groupTable('Per group', 'group', data.byGroup)}
${groupTable('Per channel', 'channel', data.byChannel)}
${definitions()}
</main></body></html>
`;
}
