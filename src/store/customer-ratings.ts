import type {Database} from './database.js';
import type {CachedRating, CachedSurvey} from './stats-cache.js';

/**
 * The ratings and survey answers the KPI cache (`csr sync`) holds for these tickets of the profile, newest first:
 * a customer's rating history without asking the desk again.
 */
export function cachedRatingsOfTickets(
	db: Database,
	profile: string,
	ticketIds: readonly string[],
): {ratings: CachedRating[]; surveys: CachedSurvey[]} {
	if (ticketIds.length === 0) return {ratings: [], surveys: []};
	const ids = JSON.stringify(ticketIds);
	const ratings = db
		.prepare(
			`SELECT rating_id, ticket_id, at, score, channel FROM sync_ratings
			WHERE profile = ? AND ticket_id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, rating_id`,
		)
		.all(profile, ids)
		.map(
			(row): CachedRating => ({
				id: String(row['rating_id']),
				ticketId: row['ticket_id'] === null ? null : String(row['ticket_id']),
				at: String(row['at']),
				score: String(row['score']) as CachedRating['score'],
				channel: row['channel'] === null ? null : String(row['channel']),
			}),
		);
	const surveys = db
		.prepare(
			`SELECT survey_id, ticket_id, at, kind, score FROM sync_surveys
			WHERE profile = ? AND ticket_id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, survey_id`,
		)
		.all(profile, ids)
		.map(
			(row): CachedSurvey => ({
				id: String(row['survey_id']),
				ticketId: row['ticket_id'] === null ? null : String(row['ticket_id']),
				at: String(row['at']),
				kind: String(row['kind']) as CachedSurvey['kind'],
				score: Number(row['score']),
			}),
		);
	return {ratings, surveys};
}
