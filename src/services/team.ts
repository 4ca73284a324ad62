import {medianFraction, p90Fraction} from '../kpi/percentile.js';
import type {TeamMember} from '../kpi/team.js';
import {toTeamMember} from '../kpi/team.js';
import type {StatsWindow} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {hasTeamData, readTeam} from '../store/team-stats.js';

/**
 * Per-agent KPIs from the desk's threads and events (`team` in `csr stats --json`): replies, solves, first reply
 * and resolution times, one-touch and CSAT of every agent who worked in the window, whoever ran csr. Null when the
 * desk does not export who replied and who solved (then only the local log's `agents` block has per-agent numbers).
 */
export function computeTeam(db: Database, profile: string, window: StatsWindow): TeamMember[] | null {
	if (!hasTeamData(db, profile)) return null;
	const range = {since: window.since.toISOString(), until: window.until.toISOString()};
	return readTeam(db, profile, range, [medianFraction, p90Fraction]).map(toTeamMember);
}
